import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

/// `api/changes.json` lists the feeds whose bytes changed since the previous state, so CI
/// pings WebSub hubs for those alone.
@Suite struct ChangedFeedsTests {
    static func render(_ site: String, at now: String, previous: String?) throws -> SiteBuilder.Rendered {
        try SiteBuilder.render(
            BuildOptions(siteRoot: site, now: Timestamp.parse(now)!, previousState: previous),
            fileSystem: LocalFileSystem())
    }

    static func write(_ rendered: SiteBuilder.Rendered, _ path: String, to folder: String) throws -> String {
        let file = try #require(rendered.files.first { $0.path == path })
        let target = "\(folder)/\(path.replacingOccurrences(of: "/", with: "-"))"
        try file.contents.write(to: URL(fileURLWithPath: target))
        return target
    }

    @Test func onlyFeedsWhoseBytesChangedAreListed() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let scratch = try RepositoryPaths.temporaryDirectory()
        let first = try Self.render(site, at: "2025-10-06T17:00:00Z", previous: nil)
        let firstState = try Self.write(first, SitePaths.state, to: scratch)
        let feedPaths = first.files.map(\.path).filter { $0.hasSuffix(".atom") || $0.hasSuffix("feed.json") }
        #expect(feedPaths.count == 32)
        // A first build: every feed is new.
        #expect(first.changes.feeds?.count == 32)

        let second = try Self.render(site, at: "2025-10-06T19:00:00Z", previous: firstState)
        let changed = try #require(second.changes.feeds)
        let old = Dictionary(uniqueKeysWithValues: first.files.map { ($0.path, $0.contents) })
        let expected = second.files.filter { feedPaths.contains($0.path) && old[$0.path] != $0.contents }
            .map { "https://status.example.com/" + $0.path }.sorted()
        #expect(changed == expected)
        #expect(changed.contains("https://status.example.com/clusters/a/feed.json"))
        #expect(!changed.contains("https://status.example.com/blog/feed.atom"), "the blog did not change")

        // changes.json says the same, and a rebuild as of the same instant changes no feed.
        let changesFile = try #require(second.files.first { $0.path == SitePaths.changes })
        let decoded = try StateChanges.decode(changesFile.contents)
        #expect(decoded.feeds == changed)
        let secondState = try Self.write(second, SitePaths.state, to: scratch)
        let third = try Self.render(site, at: "2025-10-06T19:00:00Z", previous: secondState)
        #expect(third.changes.feeds == [])
    }

    @Test func aStateWithoutFeedDigestsCountsEveryFeedAsChanged() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let scratch = try RepositoryPaths.temporaryDirectory()
        let first = try Self.render(site, at: "2025-10-06T19:00:00Z", previous: nil)
        var state = try SiteState.decode(
            try #require(first.files.first { $0.path == SitePaths.state }).contents)
        state.feeds = nil
        let path = "\(scratch)/old-state.json"
        try state.encoded().write(to: URL(fileURLWithPath: path))
        let second = try Self.render(site, at: "2025-10-06T19:00:00Z", previous: path)
        #expect(second.changes.feeds?.count == 32)
    }
}
