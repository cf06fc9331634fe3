import HeraldKit

/// The one-screen report printed after a build.
struct BuildSummary {
    var files: [OutputFile]
    var outputDirectory: String
    var elapsed: Duration

    var text: String {
        let pages = files.filter { $0.path.hasSuffix(".html") }.count
        let feeds = files.filter { $0.path.hasSuffix(".atom") }.count
        let api = files.filter { $0.path.hasPrefix("api/") }.count
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        return "Built \(pages) pages, \(feeds) feeds, \(api) API files (\(files.count) files) "
            + "into \(outputDirectory) in \(milliseconds) ms"
    }
}
