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
        let maintenances = context.maintenancesByCluster[cluster.id] ?? []
        let current = maintenances.filter { [.active, .upcoming].contains(context.status.state(of: $0)) }
        let pastIncidents = incidents.filter { !activeSlugs.contains($0.slug) }
            .prefix(pastLimit).map { context.summary(of: $0, root: root) }
        let model = ClusterPage(
            layout: context.layout(
                path: path, title: cluster.name, description: "Status of \(cluster.name)", section: .status,
                extraFeeds: [
                    .init(
                        title: "\(cluster.name) updates", path: SitePaths.clusterFeed(cluster.id),
                        baseURL: config.baseURL)
                ], showsLiveStatus: true),
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
            active: incidents.filter { activeSlugs.contains($0.slug) }
                .map { context.summary(of: $0, root: root, withLatestUpdate: true) },
            maintenance: current.map { context.summary(of: $0, root: root) },
            past: pastIncidents,
            posts: (context.postsByCluster[cluster.id] ?? []).map { context.summary(of: $0, root: root) },
            feedHref: root + SitePaths.clusterFeed(cluster.id))
        return PageJob(path: path, template: "cluster", model: model)
    }
}
