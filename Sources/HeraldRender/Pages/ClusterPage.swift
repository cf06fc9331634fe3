import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `clusters/<id>/`: one cluster's components, uptime, incidents and posts.
struct ClusterPage: Sendable, Encodable {
    struct ComponentView: Sendable, Encodable {
        var name: String
        var description: String?
        var badge: StatusBadge
        var feedHref: String
    }

    var layout: PageLayout
    var name: String
    var descriptionHTML: String?
    var badge: StatusBadge
    var components: [ComponentView]
    var uptime: [UptimeGroupView]
    var historyDays: Int
    var active: [EventSummaryView]
    var maintenance: [EventSummaryView]
    var past: [EventSummaryView]
    var posts: [PostSummaryView]
    var feedHref: String
    var calendarFileHref: String
    var badges: [BadgeSnippetView]
    /// Copy-paste HTML for the embeddable status, and where it and the cluster's JSON live.
    var embedSnippet: String
    var embedHref: String
    var jsonHref: String

    /// Past incidents and maintenance listed; the history pages have the rest.
    static let pastLimit = 20

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.config.clusters.map { job(context, cluster: $0) }
    }

    private static func job(_ context: RenderContext, cluster: Cluster) -> PageJob {
        let path = SitePaths.cluster(cluster.id)
        let root = RenderContext.root(for: path)
        let config = context.site.config
        let states = Dictionary(
            context.status.components.map { ($0.component, $0.status) }, uniquingKeysWith: { a, _ in a })
        let incidents = context.incidentsByCluster[cluster.id] ?? []
        let activeSlugs = Set(context.status.activeIncidents)
        let current = context.currentMaintenances(of: cluster)
        let pastIncidents = incidents.filter { !activeSlugs.contains($0.slug) }
            .prefix(pastLimit).map { context.summary(of: $0, root: root) }
        let calendarURL = config.baseURL.url(SitePaths.clusterCalendar(cluster.id))
        let model = ClusterPage(
            layout: context.layout(
                path: path, title: cluster.name, description: "Status of \(cluster.name)", section: .status,
                extraFeeds: [
                    .init(
                        title: "\(cluster.name) updates", path: SitePaths.clusterFeed(cluster.id),
                        baseURL: config.baseURL)
                ],
                extraCalendars: [.init(title: "\(cluster.name) maintenance calendar", href: calendarURL)],
                showsLiveStatus: true,
                shareTitle: "\((context.status.clusters[cluster.id] ?? .operational).label) — \(cluster.name)"
            ),
            name: cluster.name, descriptionHTML: context.content.clusterDescriptions[cluster.id],
            badge: StatusBadge(context.status.clusters[cluster.id] ?? .operational),
            components: cluster.serviceIDs.map { service in
                let id = ComponentID(cluster: cluster.id, service: service)
                return ComponentView(
                    name: context.serviceNames[service] ?? service,
                    description: config.service(service)?.description,
                    badge: StatusBadge(states[id] ?? .operational),
                    feedHref: root + SitePaths.componentFeed(id))
            },
            uptime: IndexPage.uptime(context, clusters: [cluster]), historyDays: config.historyDays,
            active: context.activeIncidents(of: cluster)
                .map { context.summary(of: $0, root: root, withLatestUpdate: true) },
            maintenance: current.map { context.summary(of: $0, root: root) },
            past: pastIncidents,
            posts: (context.postsByCluster[cluster.id] ?? []).map { context.summary(of: $0, root: root) },
            feedHref: root + SitePaths.clusterFeed(cluster.id),
            calendarFileHref: root + SitePaths.clusterCalendar(cluster.id),
            badges: BadgeSnippetView.all(context, cluster: cluster, root: root),
            embedSnippet:
                "<iframe src=\"\(HTMLEscaping.escape(config.baseURL.url(SitePaths.embed(cluster.id))))\" "
                + "title=\"\(HTMLEscaping.escape("\(cluster.name) status"))\" width=\"100%\" height=\"360\" "
                + "style=\"border:0\"></iframe>",
            embedHref: root + SitePaths.embed(cluster.id), jsonHref: root + SitePaths.clusterJSON(cluster.id))
        return PageJob(path: path, template: "cluster", model: model)
    }
}
