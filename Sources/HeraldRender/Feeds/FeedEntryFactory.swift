import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Turns published incidents, maintenance and posts into feed entries.
struct FeedEntryFactory {
    var config: SiteConfig
    var content: RenderedContent
    var directory: ComponentDirectory
    var tags: TagURI
    var html: EntryHTML

    init(config: SiteConfig, content: RenderedContent) {
        self.config = config
        self.content = content
        directory = ComponentDirectory(config)
        tags = TagURI(config.baseURL)
        html = EntryHTML(directory: directory, time: DisplayClock(timeZone: config.timeZone))
    }

    /// `withContent: false` leaves `contentHTML` empty: the entry is only sorted and filed, and
    /// the content is built for the entries that make it into a feed.
    func entry(_ item: PublishedIncident, withContent: Bool = true) -> FeedEntry {
        let rendered = content.incidents[item.slug]
        let components = directory.sorted(item.components)
        return FeedEntry(
            id: tags.incident(item.slug), title: item.incident.title,
            link: config.baseURL.url(SitePaths.incident(item.slug)),
            published: item.incident.started, updated: item.lastChange, author: nil,
            categories: [FeedEntry.Category(term: "incident", label: "Incident")] + categories(components),
            summary: rendered?.summary ?? "",
            contentHTML: withContent ? html.incident(item, rendered: rendered) : "",
            clusters: directory.clusters(of: components), components: components, isPost: false)
    }

    func entry(_ item: PublishedMaintenance, withContent: Bool = true) -> FeedEntry {
        let rendered = content.maintenances[item.slug]
        let components = directory.sorted(item.maintenance.components)
        let cancelled = item.maintenance.cancelled
        return FeedEntry(
            id: tags.maintenance(item.slug),
            title: cancelled ? "Cancelled: \(item.maintenance.title)" : item.maintenance.title,
            link: config.baseURL.url(SitePaths.maintenance(item.slug)),
            published: item.published, updated: item.lastChange, author: nil,
            categories: [FeedEntry.Category(term: "maintenance", label: "Maintenance")]
                + categories(components),
            summary: (cancelled ? "Cancelled. " : "") + (rendered?.summary ?? ""),
            contentHTML: withContent ? html.maintenance(item, rendered: rendered) : "",
            clusters: directory.clusters(of: components), components: components, isPost: false)
    }

    func entry(_ post: Post, withContent: Bool = true) -> FeedEntry {
        let rendered = content.posts[post.slug]
        let clusters = directory.sortedClusters(post.clusters)
        return FeedEntry(
            id: tags.post(post.slug), title: post.title,
            link: config.baseURL.url(SitePaths.post(post.slug)),
            published: post.date, updated: post.date, author: post.author,
            categories: clusters.map(clusterCategory) + post.tags.map { FeedEntry.Category(term: $0) },
            summary: post.summary ?? rendered?.summary ?? "",
            contentHTML: withContent ? html.post(rendered: rendered) : "",
            clusters: clusters, components: [], isPost: true)
    }

    /// One category per affected cluster, then one per affected component.
    private func categories(_ components: [ComponentID]) -> [FeedEntry.Category] {
        directory.clusters(of: components).map(clusterCategory)
            + components.map { FeedEntry.Category(term: $0.description, label: directory.name(of: $0)) }
    }

    private func clusterCategory(_ cluster: String) -> FeedEntry.Category {
        FeedEntry.Category(term: cluster, label: directory.clusterName(cluster))
    }
}
