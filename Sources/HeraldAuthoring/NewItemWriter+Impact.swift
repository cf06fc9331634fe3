import HeraldCore

extension NewItemWriter {
    /// What the status page will now say for a new incident: each component it affects, from
    /// operational to the incident's status. Empty for maintenance and posts.
    package func impactReport(for item: NewItem) -> [ImpactReport] {
        guard item.kind == .incident, let status = ComponentStatus(slug: item.status) else { return [] }
        let clusters = item.clusters.isEmpty ? site.clusters.prefix(1).map(\.id) : item.clusters
        let impacts = clusters.flatMap { cluster in
            let services =
                item.services.isEmpty ? site.catalog?.servicesOfCluster[cluster] ?? [] : item.services
            return services.map {
                ComponentImpact(component: ComponentID(cluster: cluster, service: $0), status: status)
            }
        }
        return ImpactReport.changes(from: [], to: impacts, site: site)
    }
}
