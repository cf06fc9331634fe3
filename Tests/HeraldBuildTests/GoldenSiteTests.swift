import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldTestSupport

/// Builds the example site at a fixed instant and compares every file with `Golden/`.
/// Regenerate after a deliberate change: `HERALD_UPDATE_GOLDEN=1 swift test --filter GoldenSiteTests`.
@Suite struct GoldenSiteTests {
    static let now = Timestamp.parse("2025-10-06T19:00:00Z")!

    /// The example as a first build: the output folder is a fresh one, so whatever a developer
    /// built into the repository's `Output/` is never taken as the previous state.
    static func options() throws -> BuildOptions {
        BuildOptions(
            siteRoot: RepositoryPaths.root,
            outputDirectory: "\(try RepositoryPaths.temporaryDirectory())/Output",
            now: now)
    }

    static func buildExample() throws -> [OutputFile] {
        try SiteBuilder.render(options(), fileSystem: LocalFileSystem()).files
    }

    @Test func exampleSiteMatchesGoldenFiles() throws {
        let files = try Self.buildExample()
        let golden = RepositoryPaths.golden
        if ProcessInfo.processInfo.environment["HERALD_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: golden)
            for file in files {
                let url = URL(fileURLWithPath: "\(golden)/\(file.path)")
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url)
            }
            return
        }
        let expected = RepositoryPaths.files(in: golden)
        #expect(files.map(\.path).sorted() == expected, "the set of output files changed")
        for file in files {
            let goldenFile = try? Data(contentsOf: URL(fileURLWithPath: "\(golden)/\(file.path)"))
            #expect(goldenFile == file.contents, "\(file.path) differs from its golden file")
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        #expect(try Self.buildExample() == Self.buildExample())
    }

    @Test func indexShowsTheOctoberIncidentAsOfItsEvening() throws {
        let rendered = try SiteBuilder.render(
            Self.options(), fileSystem: LocalFileSystem())
        let states = Dictionary(
            uniqueKeysWithValues: rendered.status.components.map { ($0.component, $0.status) })
        for service in ["inbound", "webmail", "imap", "pop"] {
            #expect(states[ComponentID(cluster: "a", service: service)] != .operational, "a/\(service)")
        }
        #expect(states[ComponentID(cluster: "a", service: "outbound")] == .operational)
        for (component, status) in states where component.cluster == "b" {
            #expect(status == .operational, "\(component)")
        }
        let index = try #require(rendered.files.first { $0.path == "index.html" })
        let html = String(decoding: index.contents, as: UTF8.self)
        #expect(html.contains("Cluster A email service issues"))
        #expect(html.contains("update-meta"), "the latest update is shown on the index")
        let incident = try #require(
            rendered.files.first { $0.path == "incidents/2025-10-06-cluster-a-email/index.html" })
        #expect(String(decoding: incident.contents, as: UTF8.self).contains("Questions and answers"))
    }
}
