import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// One JSON Feed 1.1 document (https://jsonfeed.org/version/1.1), published beside an Atom
/// feed with the same entries, ids and dates.
struct JSONFeed: Encodable {
    struct Author: Encodable {
        var name: String
        var url: String?
    }

    struct Hub: Encodable {
        var type: String
        var url: String
    }

    struct Item: Encodable {
        var id: String
        var url: String
        var title: String
        var contentHtml: String
        var summary: String?
        var datePublished: String
        var dateModified: String
        var authors: [Author]?
        var tags: [String]?
    }

    static let version = "https://jsonfeed.org/version/1.1"

    var version = Self.version
    var title: String
    var homePageUrl: String
    var feedUrl: String
    var description: String?
    var language: String
    var authors: [Author]
    var hubs: [Hub]?
    var items: [Item]

    init(_ atom: AtomFeed, feedURL: String) {
        title = atom.title
        homePageUrl = atom.pageURL
        feedUrl = feedURL
        description = atom.subtitle.flatMap { $0.isEmpty ? nil : $0 }
        language = atom.language
        authors = [Author(name: atom.author, url: atom.authorURI)]
        hubs = atom.hubs.isEmpty ? nil : atom.hubs.map { Hub(type: "WebSub", url: $0) }
        items = atom.entries.map { entry in
            Item(
                id: entry.id, url: entry.link, title: entry.title, contentHtml: entry.contentHTML,
                summary: entry.summary.isEmpty ? nil : entry.summary,
                datePublished: UTCTimestamp(entry.published).rfc3339,
                dateModified: UTCTimestamp(entry.updated).rfc3339,
                authors: entry.author.map { [Author(name: $0, url: nil)] },
                tags: entry.categories.isEmpty ? nil : entry.categories.map(\.term))
        }
    }

    var data: Data { JSONDocument.encode(self) }
}
