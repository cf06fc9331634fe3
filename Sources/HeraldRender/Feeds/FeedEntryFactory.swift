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

    /// What sorting and filing an entry takes, without the rest of it: every published item is
    /// sorted and filed, but only the entries that make it into a feed are built (building all
    /// 12,000 without their content was most of planning the feeds at 10,000 incidents).
    func slot(_ item: PublishedIncident) -> FeedEntry.Slot {
        let components = directory.sorted(item.components)
        return FeedEntry.Slot(
            id: tags.incident(item.slug), updated: item.lastChange,
            clusters: directory.clusters(of: components), components: components, isPost: false)
    }

    func slot(_ item: PublishedMaintenance) -> FeedEntry.Slot {
        let components = directory.sorted(item.maintenance.components)
        return FeedEntry.Slot(
            id: tags.maintenance(item.slug), updated: item.lastChange,
            clusters: directory.clusters(of: components), components: components, isPost: false)
    }

    func slot(_ post: Post) -> FeedEntry.Slot {
        FeedEntry.Slot(
            id: tags.post(post.slug), updated: post.date, clusters: directory.sortedClusters(post.clusters),
            components: [], isPost: true)
    }

    func entry(_ item: PublishedIncident) -> FeedEntry {
        let rendered = content.incidents[item.slug]
        let slot = slot(item)
        return FeedEntry(
            slot: slot, title: item.incident.title, link: config.baseURL.url(SitePaths.incident(item.slug)),
            published: item.incident.started, author: nil,
            categories: [FeedEntry.Category(term: "incident", label: "Incident")]
                + categories(slot.components),
            summary: rendered?.summary ?? "", contentHTML: html.incident(item, rendered: rendered))
    }

    func entry(_ item: PublishedMaintenance) -> FeedEntry {
        let rendered = content.maintenances[item.slug]
        let slot = slot(item)
        let cancelled = item.maintenance.cancelled
        return FeedEntry(
            slot: slot, title: cancelled ? "Cancelled: \(item.maintenance.title)" : item.maintenance.title,
            link: config.baseURL.url(SitePaths.maintenance(item.slug)), published: item.published,
            author: nil,
            categories: [FeedEntry.Category(term: "maintenance", label: "Maintenance")]
                + categories(slot.components),
            summary: (cancelled ? "Cancelled. " : "") + (rendered?.summary ?? ""),
            contentHTML: html.maintenance(item, rendered: rendered))
    }

    func entry(_ post: Post) -> FeedEntry {
        let rendered = content.posts[post.slug]
        let slot = slot(post)
        return FeedEntry(
            slot: slot, title: post.title, link: config.baseURL.url(SitePaths.post(post.slug)),
            published: post.date, author: post.author,
            categories: slot.clusters.map(clusterCategory) + post.tags.map { FeedEntry.Category(term: $0) },
            summary: post.summary ?? rendered?.summary ?? "", contentHTML: html.post(rendered: rendered))
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
