import Foundation

/// The Atom feeds of SPEC §5: the site feed, one per cluster, one per component and the blog's.
public enum AtomFeeds {
    public static func render(site: Site, status: SiteStatus, content: RenderedContent) -> [OutputFile] {
        let config = site.config
        let published = PublishedContent(site: site, status: status)
        let factory = FeedEntryFactory(config: config, content: content)
        let entries =
            (published.incidents.map(factory.entry) + published.maintenances.map(factory.entry)
            + published.posts.map(factory.entry)).newestFirst()

        // One pass files every entry under each feed that lists it; buckets stay newest first.
        var events: [FeedEntry] = []
        var posts: [FeedEntry] = []
        var byCluster: [String: [FeedEntry]] = [:]
        var byComponent: [ComponentID: [FeedEntry]] = [:]
        for entry in entries {
            if entry.isPost { posts.append(entry) } else { events.append(entry) }
            for cluster in entry.clusters { byCluster[cluster, default: []].append(entry) }
            for component in entry.components { byComponent[component, default: []].append(entry) }
        }

        let feeds = FeedSet(config: config, directory: factory.directory, tags: factory.tags, now: status.now)
        var files = [feeds.make(SitePaths.feed, id: "feed", subject: nil, page: SitePaths.index, events)]
        for cluster in config.clusters {
            files.append(
                feeds.make(
                    SitePaths.clusterFeed(cluster.id), id: "feed/cluster/\(cluster.id)",
                    subject: cluster.name,
                    page: SitePaths.cluster(cluster.id), byCluster[cluster.id] ?? []))
        }
        for component in config.components {
            files.append(
                feeds.make(
                    SitePaths.componentFeed(component), id: "feed/component/\(component)",
                    subject: factory.directory.name(of: component),
                    page: SitePaths.cluster(component.cluster),
                    byComponent[component] ?? []))
        }
        files.append(
            feeds.make(
                SitePaths.blogFeed, id: "feed/blog", subject: config.blogTitle, page: SitePaths.blog, posts))
        return files
    }
}

/// What every feed of one site shares.
private struct FeedSet {
    var config: SiteConfig
    var directory: ComponentDirectory
    var tags: TagURI
    var now: Date

    /// A feed at `path` about `subject` (nil: the whole site), mirroring the page at `page`.
    func make(_ path: String, id: String, subject: String?, page: String, _ entries: [FeedEntry])
        -> OutputFile
    {
        let feed = AtomFeed(
            id: tags.make(id),
            title: subject.map { "\(config.title) – \($0)" } ?? config.title,
            subtitle: config.description, pageURL: config.baseURL.url(page),
            selfURL: config.baseURL.url(path),
            language: config.language, author: config.title, authorURI: config.baseURL.absolute,
            entries: Array(entries.prefix(max(0, config.feedEntries))), fallbackUpdated: now)
        return OutputFile(path: path, text: feed.xml)
    }
}
