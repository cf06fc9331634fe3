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
