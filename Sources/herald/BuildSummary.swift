import HeraldAuthoring
import HeraldBuild
import HeraldChanges
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldRender
import HeraldValidate
import HeraldWrite

/// The one-screen report printed after a build: what was written, how long it took, what changed.
struct BuildSummary {
    /// Paths of the output files.
    var files: [String]
    var changes: StateChanges
    var outputDirectory: String
    var elapsed: Duration

    /// `16 pages, 16 feeds, 10 API files (45 files)`: what `build` and `serve` say they built.
    static func counts(_ files: [String]) -> String {
        let pages = files.filter { $0.hasSuffix(".html") }.count
        let feeds = files.filter { $0.hasSuffix(".atom") }.count
        let api = files.filter { $0.hasPrefix("api/") }.count
        return "\(pages) pages, \(feeds) feeds, \(api) API files (\(files.count) files)"
    }

    var text: String {
        var lines = ["Built \(Self.counts(files)) into \(outputDirectory) in \(elapsed.milliseconds) ms"]
        if let previous = changes.previous.map(Timestamp.format) {
            if changes.changes.isEmpty {
                lines.append("No changes since the previous build (\(previous)).")
            } else {
                let count = changes.changes.count
                lines.append(
                    "\(count) change\(count == 1 ? "" : "s") since the previous build (\(previous)):")
                lines.append(
                    ChangeFormatter.text(changes).split(separator: "\n").map { "  " + $0 }.joined(
                        separator: "\n"))
            }
        } else {
            lines.append("First build: no previous state, so no changes are reported.")
        }
        if let feeds = changes.feeds, !feeds.isEmpty, changes.previous != nil {
            // For CI to ping WebSub hubs with (also in api/changes.json, `feeds`).
            lines.append("\(feeds.count) feed file\(feeds.count == 1 ? "" : "s") changed:")
            lines += feeds.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
