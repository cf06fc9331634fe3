import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `embed/<cluster>/`: one cluster's status, compact, for an `<iframe>` in a reseller's panel.
/// No site header or footer, no script, its own small stylesheet; `noindex`, and every link
/// opens in the top window. With `embed: {white_label: true}` the site's name is left out.
struct EmbedPage: Sendable, Encodable {
    struct ComponentView: Sendable, Encodable {
        var name: String
        var badge: StatusBadge
    }

    var language: String
    var documentTitle: String
    var stylesheet: String
    var name: String
    var badge: StatusBadge
    var components: [ComponentView]
    var active: [EventSummaryView]
    var maintenance: [EventSummaryView]
    var clusterHref: String
    /// The site's title, unless white-labelled.
    var provider: String?
    var asOf: String
    var asOfISO: String

    static let template = "embed"

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.config.clusters.map { cluster in
            let path = SitePaths.embed(cluster.id)
            let root = RenderContext.root(for: path)
            let config = context.site.config
            let states = Dictionary(
                context.status.components.map { ($0.component, $0.status) }, uniquingKeysWith: { a, _ in a })
            let model = EmbedPage(
                language: config.language,
                documentTitle: config.embedWhiteLabel
                    ? "\(cluster.name) status" : "\(cluster.name) · \(config.title)",
                stylesheet: root + SitePaths.embedStylesheet, name: cluster.name,
                badge: StatusBadge(context.status.clusters[cluster.id] ?? .operational),
                components: cluster.serviceIDs.map { service in
                    ComponentView(
                        name: context.serviceNames[service] ?? service,
                        badge: StatusBadge(
                            states[ComponentID(cluster: cluster.id, service: service)] ?? .operational))
                },
                active: context.activeIncidents(of: cluster).map {
                    context.summary(of: $0, root: root, withLatestUpdate: true)
                },
                maintenance: context.currentMaintenances(of: cluster).map {
                    context.summary(of: $0, root: root)
                },
                clusterHref: root + SitePaths.cluster(cluster.id),
                provider: config.embedWhiteLabel ? nil : config.title,
                asOf: context.clock.dateTime(context.status.now),
                asOfISO: Timestamp.format(context.status.now))
            return PageJob(path: path, template: template, inSitemap: false, model: model)
        }
    }
}
