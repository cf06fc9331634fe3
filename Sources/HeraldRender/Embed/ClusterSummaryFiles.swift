import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `api/clusters/<id>.json`: what the embeddable status shows, for panels that draw their own
/// widget: the cluster's status, its components, active incidents and current maintenance.
package enum ClusterSummaryFiles {
    struct Document: Encodable {
        var generatedAt: String
        var cluster: ClusterEntry
        var components: [ComponentEntry]
        var activeIncidents: [IncidentEntry]
        var maintenance: [MaintenanceEntry]
    }

    struct ClusterEntry: Encodable {
        var id: String
        var name: String
        var status: String
        var statusLabel: String
        var url: String
        var embedUrl: String
        var badgeUrl: String
        /// Uptime over the last 30, 90 and 365 days (`"99.95"`), as on the uptime page.
        var uptime: [String: String?]
    }

    struct ComponentEntry: Encodable {
        var service: String
        var name: String
        var status: String
        var statusLabel: String
        var badgeUrl: String
    }

    struct IncidentEntry: Encodable {
        var slug: String
        var title: String
        var phase: String
        var impact: String
        var startedAt: String
        var updatedAt: String
        var url: String
    }

    struct MaintenanceEntry: Encodable {
        var slug: String
        var title: String
        var state: String
        var startsAt: String
        var endsAt: String
        var url: String
    }

    package static func render(_ context: RenderContext) -> [OutputFile] {
        let site = context.site
        let status = context.status
        let config = site.config
        let base = config.baseURL
        let states = Dictionary(
            status.components.map { ($0.component, $0.status) }, uniquingKeysWith: { a, _ in a })
        return config.clusters.map { cluster in
            let clusterStatus = status.clusters[cluster.id] ?? .operational
            let rolling = status.uptime.clusters[cluster.id]?.rolling ?? []
            let document = Document(
                generatedAt: Timestamp.format(status.now),
                cluster: ClusterEntry(
                    id: cluster.id, name: cluster.name, status: clusterStatus.slug,
                    statusLabel: clusterStatus.label,
                    url: base.url(SitePaths.cluster(cluster.id)),
                    embedUrl: base.url(SitePaths.embed(cluster.id)),
                    badgeUrl: base.url(SitePaths.clusterBadge(cluster.id)),
                    uptime: Dictionary(
                        zip(status.uptime.rolling.map(\.key), rolling.map(\.percentText)),
                        uniquingKeysWith: { a, _ in a })),
                components: cluster.serviceIDs.map { service in
                    let id = ComponentID(cluster: cluster.id, service: service)
                    let componentStatus = states[id] ?? .operational
                    return ComponentEntry(
                        service: service, name: context.serviceNames[service] ?? service,
                        status: componentStatus.slug, statusLabel: componentStatus.label,
                        badgeUrl: base.url(SitePaths.componentBadge(id)))
                },
                activeIncidents: context.activeIncidents(of: cluster).map { incident in
                    IncidentEntry(
                        slug: incident.slug, title: incident.title,
                        phase: status.phase(of: incident).rawValue,
                        impact: incident.impact.slug, startedAt: Timestamp.format(incident.started),
                        updatedAt: Timestamp.format(incident.lastChange),
                        url: base.url(SitePaths.incident(incident.slug)))
                },
                maintenance: context.currentMaintenances(of: cluster).map { maintenance in
                    MaintenanceEntry(
                        slug: maintenance.slug, title: maintenance.title,
                        state: status.state(of: maintenance).rawValue,
                        startsAt: Timestamp.format(maintenance.start),
                        endsAt: Timestamp.format(maintenance.end),
                        url: base.url(SitePaths.maintenance(maintenance.slug)))
                })
            return OutputFile(
                path: SitePaths.clusterJSON(cluster.id), contents: JSONDocument.encode(document))
        }
    }
}
