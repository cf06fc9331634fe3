import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// One `<entry>` of an Atom feed, with what it affects so feeds can be filtered.
struct FeedEntry {
    /// A `category` element: `term`, and a human `label` when there is one.
    struct Category: Hashable {
        var term: String
        var label: String?
    }

    var id: String
    var title: String
    /// The absolute URL of the entry's page.
    var link: String
    var published: Date
    var updated: Date
    /// Nil: the feed's author (the site).
    var author: String?
    var categories: [Category]
    var summary: String
    var contentHTML: String
    /// Clusters whose feeds list this entry.
    var clusters: [String]
    /// Components whose feeds list this entry (none for posts).
    var components: [ComponentID]
    var isPost: Bool
}

extension FeedEntry {
    /// What an entry is sorted and filed by (`FeedEntryFactory.slot`).
    struct Slot {
        var id: String
        var updated: Date
        var clusters: [String]
        var components: [ComponentID]
        var isPost: Bool

        /// Feed order: newest `updated` first; ties broken by id so the order never depends on
        /// input order.
        static func precedes(_ lhs: Slot, _ rhs: Slot) -> Bool {
            (lhs.updated, rhs.id) > (rhs.updated, lhs.id)
        }
    }

    init(
        slot: Slot, title: String, link: String, published: Date, author: String?, categories: [Category],
        summary: String, contentHTML: String
    ) {
        self.init(
            id: slot.id, title: title, link: link, published: published, updated: slot.updated,
            author: author,
            categories: categories, summary: summary, contentHTML: contentHTML, clusters: slot.clusters,
            components: slot.components, isPost: slot.isPost)
    }
}
