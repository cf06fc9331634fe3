import Foundation
import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// What the command line changes about validation.
package struct ValidationOptions: Sendable {
    /// Keep `draft: true` content in the `Site` (`--drafts`).
    package var includeDrafts: Bool
    /// Replaces `site.yml`'s `base_url` (`--base-url`).
    package var baseURLOverride: String?

    /// The instant to judge timelines against (`herald check`); nil skips the warnings that need it.
    package var now: Date?
    /// How long an ongoing incident may go without an update before `check` warns
    /// (`--stale-after`); nil: `site.yml`'s `stale_after`, else `defaultStaleAfter`.
    package var staleAfter: TimeInterval?

    package static let defaultStaleAfter: TimeInterval = 4 * 3600

    package init(
        includeDrafts: Bool = false, baseURLOverride: String? = nil, now: Date? = nil,
        staleAfter: TimeInterval? = nil
    ) {
        self.includeDrafts = includeDrafts
        self.baseURLOverride = baseURLOverride
        self.now = now
        self.staleAfter = staleAfter
    }
}
