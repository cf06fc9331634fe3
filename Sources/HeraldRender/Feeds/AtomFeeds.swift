import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// The Atom feeds of SPEC §5: the site feed, one per cluster, one per component and the blog's,
/// each with a JSON Feed of the same entries beside it.
package enum AtomFeeds {
    /// One feed file as `plan` leaves it.
    package enum Planned: Sendable {
        /// Rendered, with its input key (nil without `inputs`).
        case rendered(OutputFile, key: StableHash?)
        /// Not rendered: the output holds it, by this input key.
        case kept(path: String, key: StableHash)

        /// The rendered file; nil when kept.
        package var file: OutputFile? {
            guard case .rendered(let file, _) = self else { return nil }
            return file
        }
    }

    /// Every feed file. A feed's input key (`PageInputs.feedKey`) hashes the site, the entries
    /// it lists by their items' digests, and the `updated` it says when it lists none; a feed
    /// whose key `keep` accepts for both its files (Atom and JSON Feed) is not rendered, nor are
    /// entries that only kept feeds list.
    package static func plan(
        _ context: RenderContext, inputs: PageInputs?, keep: (String, StableHash) -> Bool
    ) -> [Planned] {
        let site = context.site
        let status = context.status
        let content = context.content
        let config = site.config
        let published = context.published
        let factory = FeedEntryFactory(config: config, content: content)
        // Slots are enough to sort and file; each feed keeps only its newest `feed_entries`, so
        // entries are built for those alone, once each.
        let incidents = published.incidents.map(factory.slot)
        let maintenances = published.maintenances.map(factory.slot)
        let postEntries = published.posts.map(factory.slot)
        let sources =
            incidents.indices.map { EntrySource.incident($0) }
            + maintenances.indices.map { EntrySource.maintenance($0) }
            + postEntries.indices.map { EntrySource.post($0) }
        let sorted = zip(incidents + maintenances + postEntries, sources).sorted {
            FeedEntry.Slot.precedes($0.0, $1.0)
        }

        // One pass files every entry under each feed that lists it; buckets stay newest first.
        let limit = max(0, config.feedEntries)
        var events: [Int] = []
        var posts: [Int] = []
        var byCluster: [String: [Int]] = [:]
        var byComponent: [ComponentID: [Int]] = [:]
        for (index, (entry, _)) in sorted.enumerated() {
            if entry.isPost { posts.appendIfUnder(limit, index) } else { events.appendIfUnder(limit, index) }
            for cluster in entry.clusters { byCluster[cluster, default: []].appendIfUnder(limit, index) }
            for component in entry.components {
                byComponent[component, default: []].appendIfUnder(limit, index)
            }
        }
        var listings = [
            Listing(path: SitePaths.feed, id: "feed", subject: nil, page: SitePaths.index, indices: events)
        ]
        for cluster in config.clusters {
            listings.append(
                Listing(
                    path: SitePaths.clusterFeed(cluster.id), id: "feed/cluster/\(cluster.id)",
                    subject: cluster.name, page: SitePaths.cluster(cluster.id),
                    indices: byCluster[cluster.id] ?? []))
        }
        for component in config.components {
            listings.append(
                Listing(
                    path: SitePaths.componentFeed(component), id: "feed/component/\(component)",
                    subject: factory.directory.name(of: component),
                    page: SitePaths.cluster(component.cluster),
                    indices: byComponent[component] ?? []))
        }
        listings.append(
            Listing(
                path: SitePaths.blogFeed, id: "feed/blog", subject: config.blogTitle, page: SitePaths.blog,
                indices: posts))

        // A feed with no entries still needs an `updated`: the newest entry of the whole site
        // (so its bytes change only when the content does, and WebSub hubs hear of it only then),
        // or `now` on a site with no entries at all.
        let emptyUpdated = sorted.map(\.0.updated).max() ?? status.now
        let keys = listings.map { listing in
            inputs?.feedKey(
                path: listing.path, updated: emptyUpdated,
                entries: listing.indices.map { sorted[$0].1.part(of: published) })
        }
        let kept = zip(listings, keys).map { listing, key in
            key.map { keep(listing.path, $0) && keep(SitePaths.jsonFeed(beside: listing.path), $0) } ?? false
        }

        var full: [Int: FeedEntry] = [:]
        for (listing, isKept) in zip(listings, kept) where !isKept {
            for index in listing.indices where full[index] == nil {
                full[index] = sorted[index].1.entry(of: published, by: factory)
            }
        }
        let feeds = FeedSet(
            config: config, directory: factory.directory, tags: factory.tags, emptyUpdated: emptyUpdated)
        return zip(listings, zip(keys, kept)).flatMap { listing, keyed -> [Planned] in
            let (key, isKept) = keyed
            if isKept, let key {
                return [listing.path, SitePaths.jsonFeed(beside: listing.path)].map {
                    .kept(path: $0, key: key)
                }
            }
            return feeds.make(
                listing.path, id: listing.id, subject: listing.subject, page: listing.page,
                listing.indices.compactMap { full[$0] }
            ).map { .rendered($0, key: key) }
        }
    }

    /// One feed: where it goes, what it is about, and the entries it lists (indices into the
    /// sorted entries, newest first).
    private struct Listing {
        var path: String
        var id: String
        var subject: String?
        var page: String
        var indices: [Int]
    }

    /// Where a feed entry came from, to build its content once it is known to be listed.
    private enum EntrySource {
        case incident(Int)
        case maintenance(Int)
        case post(Int)

        /// The item's whole entry.
        func entry(of published: PublishedContent, by factory: FeedEntryFactory) -> FeedEntry {
            switch self {
            case .incident(let item): factory.entry(published.incidents[item])
            case .maintenance(let item): factory.entry(published.maintenances[item])
            case .post(let item): factory.entry(published.posts[item])
            }
        }

        /// The item, as `PageInputs` names it.
        func part(of published: PublishedContent) -> PageInputs.Part {
            switch self {
            case .incident(let item): .incident(published.incidents[item].slug)
            case .maintenance(let item): .maintenance(published.maintenances[item].slug)
            case .post(let item): .post(published.posts[item].slug)
            }
        }
    }
}

extension Array where Element == Int {
    /// Appends while the list is shorter than `limit` (feeds keep their newest entries only).
    fileprivate mutating func appendIfUnder(_ limit: Int, _ index: Int) {
        if count < limit { append(index) }
    }
}

/// What every feed of one site shares.
private struct FeedSet {
    var config: SiteConfig
    var directory: ComponentDirectory
    var tags: TagURI
    /// The `updated` of a feed without entries.
    var emptyUpdated: Date

    /// The Atom feed at `path` about `subject` (nil: the whole site), mirroring the page at
    /// `page`, and the JSON Feed beside it.
    func make(_ path: String, id: String, subject: String?, page: String, _ entries: [FeedEntry])
        -> [OutputFile]
    {
        let feed = AtomFeed(
            id: tags.make(id),
            title: subject.map { "\(config.title) – \($0)" } ?? config.title,
            subtitle: config.description, pageURL: config.baseURL.url(page),
            selfURL: config.baseURL.url(path),
            language: config.language, author: config.title, authorURI: config.baseURL.absolute,
            entries: Array(entries.prefix(max(0, config.feedEntries))), fallbackUpdated: emptyUpdated,
            hubs: config.websubHubs)
        let jsonPath = SitePaths.jsonFeed(beside: path)
        return [
            OutputFile(path: path, text: feed.xml),
            OutputFile(path: jsonPath, contents: JSONFeed(feed, feedURL: config.baseURL.url(jsonPath)).data),
        ]
    }
}
