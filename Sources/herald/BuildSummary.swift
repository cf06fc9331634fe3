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

    var text: String {
        let pages = files.filter { $0.hasSuffix(".html") }.count
        let feeds = files.filter { $0.hasSuffix(".atom") }.count
        let api = files.filter { $0.hasPrefix("api/") }.count
        let milliseconds = elapsed.milliseconds
        var lines = [
            "Built \(pages) pages, \(feeds) feeds, \(api) API files (\(files.count) files) "
                + "into \(outputDirectory) in \(milliseconds) ms"
        ]
        if changes.previous == nil {
            lines.append("First build: no previous state, so no changes are reported.")
        } else if changes.changes.isEmpty {
            lines.append("No changes since the previous build (\(changes.previous ?? "")).")
        } else {
            let count = changes.changes.count
            lines.append(
                "\(count) change\(count == 1 ? "" : "s") since the previous build (\(changes.previous ?? "")):"
            )
            lines.append(
                ChangeFormatter.text(changes).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
            )
        }
        return lines.joined(separator: "\n")
    }
}
