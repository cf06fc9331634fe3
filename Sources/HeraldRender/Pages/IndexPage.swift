import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `index.html`: the overall indicator, the status matrix, what is happening now and lately.
struct IndexPage: Sendable, Encodable {
    var layout: PageLayout
    var indicator: StatusBadge
    var activeIncidents: [EventSummaryView]
    var maintenance: [EventSummaryView]
    var services: [String]
    var matrix: [MatrixRowView]
    var uptime: [UptimeGroupView]
    var historyDays: Int
    var recent: [EventSummaryView]
    /// The length of `RecentWindow`, for the page's wording.
    var recentDays: Int
    var posts: [PostSummaryView]
    var historyHref: String
    var blogHref: String

    static let latestPosts = 3

    static func job(_ context: RenderContext) -> PageJob {
        let path = SitePaths.index
        let root = RenderContext.root(for: path)
        let status = context.status
        let site = context.site
        let active = status.activeIncidents.compactMap { context.incidentsBySlug[$0] }
        let activeSlugs = Set(status.activeIncidents)
        let maintenance = site.maintenances
            .filter(context.isCurrent)
            .sorted { ($0.start, $0.slug) < ($1.start, $1.slug) }
        let recent = site.incidents.lazy.filter { incident in
            !activeSlugs.contains(incident.slug)
                && RecentWindow.contains(incident.resolved ?? status.now, asOf: status.now)
        }
        let model = IndexPage(
            layout: context.layout(
                path: path, title: nil, section: .status, showsLiveStatus: true,
                shareTitle: "\(status.indicator.description) — \(site.config.title)"),
            indicator: StatusBadge(status.indicator),
            activeIncidents: active.map { context.summary(of: $0, root: root, withLatestUpdate: true) },
            maintenance: maintenance.map { context.summary(of: $0, root: root, withLatestUpdate: true) },
            services: site.config.services.map(\.name),
            matrix: matrix(context, root: root),
            uptime: uptime(context),
            historyDays: site.config.historyDays,
            recent: recent.map { context.summary(of: $0, root: root) }, recentDays: RecentWindow.days,
            posts: site.posts.prefix(latestPosts).map { context.summary(of: $0, root: root) },
            historyHref: root + SitePaths.history, blogHref: root + SitePaths.blog)
        return PageJob(path: path, template: "index", model: model)
    }

    private static func matrix(_ context: RenderContext, root: String) -> [MatrixRowView] {
        let states = Dictionary(
            context.status.components.map { ($0.component, $0.status) }, uniquingKeysWith: { a, _ in a })
        return context.site.config.clusters.map { cluster in
            let offered = Set(cluster.serviceIDs)
            let cells = context.site.config.services.map { service in
                let status = states[ComponentID(cluster: cluster.id, service: service.id)] ?? .operational
                return MatrixCellView(
                    service: service.name, offered: offered.contains(service.id),
                    cellBadge: offered.contains(service.id) ? StatusBadge(status) : nil)
            }
            return MatrixRowView(
                cluster: cluster.name, href: root + SitePaths.cluster(cluster.id),
                badge: StatusBadge(context.status.clusters[cluster.id] ?? .operational), cells: cells)
        }
    }

    static func uptime(_ context: RenderContext, clusters: [Cluster]? = nil) -> [UptimeGroupView] {
        (clusters ?? context.site.config.clusters).map { cluster in
            UptimeGroupView(
                cluster: cluster.name,
                bars: cluster.serviceIDs.compactMap { service in
                    context.uptimeBar(
                        for: ComponentID(cluster: cluster.id, service: service),
                        name: context.serviceNames[service] ?? service)
                })
        }
    }
}
