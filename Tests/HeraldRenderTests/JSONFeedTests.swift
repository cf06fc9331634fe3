import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

/// Every JSON Feed read back with `JSONSerialization` and compared with the Atom feed beside it.
@Suite struct JSONFeedTests {
    typealias Object = [String: Any]

    let files = RenderFixture.render()
    let base = "https://status.example.com/status/"

    func jsonFeed(_ path: String) throws -> Object {
        let file = try RenderFixture.file(path, in: files)
        return try #require(try JSONSerialization.jsonObject(with: file.contents) as? Object, "\(path)")
    }

    /// The text as XML can hold it: Atom drops the control characters JSON escapes.
    func xmlText(_ value: Any?) -> String? {
        (value as? String).map { text in
            String(
                String.UnicodeScalarView(
                    text.unicodeScalars.filter { $0.value >= 0x20 || "\t\n\r".unicodeScalars.contains($0) }))
        }
    }

    @Test func everyAtomFeedHasAJSONFeedWithTheSameEntries() throws {
        let atomPaths = files.map(\.path).filter { $0.hasSuffix(".atom") }
        #expect(atomPaths.count == 1 + 2 + 8 + 1)
        for atomPath in atomPaths {
            let jsonPath = SitePaths.jsonFeed(beside: atomPath)
            let atom = try ParsedFeed(try RenderFixture.file(atomPath, in: files))
            let feed = try jsonFeed(jsonPath)
            #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
            #expect(xmlText(feed["title"]) == atom.title)
            #expect(feed["feed_url"] as? String == base + jsonPath)
            #expect(feed["home_page_url"] as? String == atom.alternateLink)
            let items = try #require(feed["items"] as? [Object], "\(jsonPath)")
            #expect(items.map { $0["id"] as? String ?? "" } == atom.entryIDs, "\(jsonPath)")
            for (item, entry) in zip(items, atom.entries) {
                #expect(item["url"] as? String == entry.link)
                #expect(xmlText(item["title"]) == entry.title)
                #expect(item["date_published"] as? String == entry.published)
                #expect(item["date_modified"] as? String == entry.updated)
                #expect(item["content_html"] as? String == entry.content)
                #expect(item["summary"] as? String == entry.summary)
            }
            #expect(feed["hubs"] == nil)
        }
    }

    @Test func authorsAndTagsFollowTheAtomFeed() throws {
        let feed = try jsonFeed("clusters/a/feed.json")
        #expect((feed["authors"] as? [Object])?.first?["name"] as? String == "Example Mail Status")
        let items = try #require(feed["items"] as? [Object])
        let incident = try #require(items.first { ($0["url"] as? String)?.contains("/incidents/") == true })
        #expect((incident["tags"] as? [String])?.contains("a/inbound") == true)
    }
}

/// WebSub: with `websub.hubs`, every feed names the hubs and itself.
@Suite struct WebSubFeedTests {
    static let hubs = ["https://hub.example.net/", "https://websub.example.org/hub"]

    static let files: [OutputFile] = {
        var site = RenderFixture.site
        site.config.websubHubs = hubs
        return RenderFixture.render(site)
    }()

    @Test func everyAtomFeedLinksItsHubsAndItself() throws {
        let feeds = Self.files.filter { $0.path.hasSuffix(".atom") }
        #expect(feeds.count == 12)
        for file in feeds {
            let root = try #require(XMLNode.parse(file.contents))
            let links = root.all("link").map { ($0.attributes["rel"] ?? "", $0.attributes["href"] ?? "") }
            #expect(links.filter { $0.0 == "hub" }.map(\.1) == Self.hubs, "\(file.path)")
            #expect(
                links.filter { $0.0 == "self" }.map(\.1) == ["https://status.example.com/status/" + file.path]
            )
        }
    }

    @Test func everyJSONFeedListsItsHubs() throws {
        for file in Self.files where file.path.hasSuffix("feed.json") {
            let feed = try #require(try JSONSerialization.jsonObject(with: file.contents) as? [String: Any])
            let hubs = try #require(feed["hubs"] as? [[String: String]], "\(file.path)")
            #expect(hubs == Self.hubs.map { ["type": "WebSub", "url": $0] })
            #expect(feed["feed_url"] as? String == "https://status.example.com/status/" + file.path)
        }
    }

    @Test func withoutHubsNoFeedNamesOne() throws {
        for file in RenderFixture.render() where file.path.hasSuffix(".atom") {
            #expect(!String(decoding: file.contents, as: UTF8.self).contains("rel=\"hub\""))
        }
    }
}
