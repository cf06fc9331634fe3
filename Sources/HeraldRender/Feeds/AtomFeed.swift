import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// One Atom (RFC 4287) document.
struct AtomFeed {
    var id: String
    var title: String
    var subtitle: String?
    /// The HTML page the feed mirrors (absolute).
    var pageURL: String
    /// Where the feed itself is published (absolute).
    var selfURL: String
    var language: String
    /// The site: author of every entry that names none.
    var author: String
    var authorURI: String
    /// Newest first, already limited.
    var entries: [FeedEntry]
    /// Used when there are no entries, so an empty feed is still deterministic.
    var fallbackUpdated: Date
    /// WebSub hubs (`site.yml` `websub.hubs`) that subscribers may ask for pushed updates.
    var hubs: [String] = []

    var xml: String {
        var writer = XMLWriter()
        writer.element("feed", [("xmlns", "http://www.w3.org/2005/Atom"), ("xml:lang", language)]) { feed in
            feed.element("id", text: id)
            feed.element("title", [("type", "text")], text: title)
            if let subtitle, !subtitle.isEmpty {
                feed.element("subtitle", [("type", "text")], text: subtitle)
            }
            feed.element("link", [("rel", "alternate"), ("type", "text/html"), ("href", pageURL)])
            feed.element("link", [("rel", "self"), ("type", "application/atom+xml"), ("href", selfURL)])
            for hub in hubs { feed.element("link", [("rel", "hub"), ("href", hub)]) }
            feed.element("updated", text: UTCTimestamp(entries.first?.updated ?? fallbackUpdated).rfc3339)
            feed.element("author") { person in
                person.element("name", text: author)
                person.element("uri", text: authorURI)
            }
            feed.element("generator", text: "Herald")
            for entry in entries { write(entry, into: &feed) }
        }
        return writer.text
    }

    private func write(_ entry: FeedEntry, into feed: inout XMLWriter) {
        feed.element("entry") { xml in
            xml.element("id", text: entry.id)
            xml.element("title", [("type", "text")], text: entry.title)
            xml.element("link", [("rel", "alternate"), ("type", "text/html"), ("href", entry.link)])
            xml.element("published", text: UTCTimestamp(entry.published).rfc3339)
            xml.element("updated", text: UTCTimestamp(entry.updated).rfc3339)
            if let name = entry.author {
                xml.element("author") { $0.element("name", text: name) }
            }
            for category in entry.categories {
                xml.element(
                    "category", [("term", category.term)] + (category.label.map { [("label", $0)] } ?? []))
            }
            if !entry.summary.isEmpty { xml.element("summary", [("type", "text")], text: entry.summary) }
            xml.element("content", [("type", "html")], text: entry.contentHTML)
        }
    }
}
