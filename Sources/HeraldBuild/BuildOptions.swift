import Foundation
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldMarkdown
import HeraldRender
import HeraldTemplates
import HeraldValidate
import HeraldWrite

/// Where a build reads and writes, and as of when.
package struct BuildOptions: Sendable {
    /// The site root, holding `Content/` and `Templates/` unless they are given apart.
    package var siteRoot: String
    package var contentDirectory: String
    package var templatesDirectory: String
    package var outputDirectory: String
    package var baseURL: String?
    /// The instant the site is built "as of".
    package var now: Date
    package var includeDrafts: Bool
    /// The state to diff against; nil means `<output>/api/state.json` when it exists.
    package var previousState: String?
    /// An ongoing incident with no update for this long gets a warning; nil: `site.yml`'s
    /// `stale_after`, else 4 h.
    package var staleAfter: TimeInterval?
    /// What to do with files in the output folder that Herald did not write.
    package var foreignFiles: ForeignFilePolicy
    /// The folder relative paths are relative to (an output may not be it or hold it).
    package var workingDirectory: String
    /// The real clock, which stamps file modification times; `now` is the instant the site is
    /// built "as of". Only the no-change fast path reads it, to tell inputs edited in the last
    /// moments before the build (`InputFingerprint.isRacy`).
    package var clock: @Sendable () -> Date

    /// Where `herald serve` builds when no `--output` is given: a hidden folder of the site's own,
    /// so a preview never touches `Output/` or the state the next real build diffs against.
    package static func previewOutputDirectory(siteRoot: String) -> String {
        joinPath(siteRoot, ".herald/serve/site")
    }

    /// What diagnostics name files relative to: the working folder, so that a terminal or an
    /// editor opens `PATH:LINE:COLUMN` from where the command ran, with `--site` too.
    package var displayRoot: String { workingDirectory }

    package init(
        siteRoot: String = ".", contentDirectory: String? = nil, templatesDirectory: String? = nil,
        outputDirectory: String? = nil, baseURL: String? = nil, now: Date, includeDrafts: Bool = false,
        previousState: String? = nil, staleAfter: TimeInterval? = nil,
        foreignFiles: ForeignFilePolicy = .refuse,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.siteRoot = siteRoot
        self.contentDirectory = contentDirectory ?? joinPath(siteRoot, "Content")
        self.templatesDirectory = templatesDirectory ?? joinPath(siteRoot, "Templates")
        self.outputDirectory = outputDirectory ?? joinPath(siteRoot, "Output")
        self.baseURL = baseURL
        self.now = now
        self.includeDrafts = includeDrafts
        self.previousState = previousState
        self.staleAfter = staleAfter
        self.foreignFiles = foreignFiles
        self.workingDirectory = workingDirectory
        self.clock = clock
    }
}
