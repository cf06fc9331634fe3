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
    /// Feed order: newest `updated` first; ties broken by id so the order never depends on
    /// input order.
    static func precedes(_ lhs: FeedEntry, _ rhs: FeedEntry) -> Bool {
        (lhs.updated, rhs.id) > (rhs.updated, lhs.id)
    }
}
