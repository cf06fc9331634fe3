import Foundation
import HeraldCore

/// The output folder and the hidden folders and files Herald keeps beside it (never inside it,
/// so never published): one home for their names.
package struct OutputLocation: Sendable, Equatable {
    /// The output folder as given, without trailing slashes.
    package let path: String

    package init(_ path: String) {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.path = trimmed
    }

    /// `.<name>.herald-cache`: the build cache (`BuildCache`).
    package var cacheDirectory: String { sibling("herald-cache") }
    /// `.<name>.herald-staging`: where an uncached build assembles the new site.
    package var stagingDirectory: String { sibling("herald-staging") }
    /// `.<name>.herald-lock`: held by the one build or `serve` writing this output (`OutputLock`).
    package var lockFile: String { sibling("herald-lock") }

    private func sibling(_ suffix: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(suffix)")
            .path
    }
}
