import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// The clusters and services declared in `site.yml`, as far as they could be read, for checking
/// the references content files make.
package struct Catalog {
    /// Cluster ids in file order.
    package var clusterIDs: [String] = []
    /// Cluster id → its service ids, in display order.
    package var servicesOfCluster: [String: [String]] = [:]
    /// Service ids in file order.
    var serviceIDs: [String] = []
    /// Cluster id → where `site.yml` declares it.
    var clusterLocations: [String: SourceLocation] = [:]

    func hasService(_ id: String) -> Bool { serviceIDs.contains(id) }
}

extension Catalog {
    /// Every field, in a fixed order (dictionaries by key): what `ParseMemo` keys records by. A
    /// new field goes here too.
    func combine(into hasher: inout StableHasher) {
        hasher.combine(clusterIDs.count)
        for id in clusterIDs { hasher.combine(id) }
        hasher.combine(serviceIDs.count)
        for id in serviceIDs { hasher.combine(id) }
        hasher.combine(servicesOfCluster.count)
        for (cluster, services) in servicesOfCluster.sorted(by: { $0.key < $1.key }) {
            hasher.combine(cluster)
            hasher.combine(services.count)
            for service in services { hasher.combine(service) }
        }
        hasher.combine(clusterLocations.count)
        for (cluster, location) in clusterLocations.sorted(by: { $0.key < $1.key }) {
            hasher.combine(cluster)
            hasher.combine(location.path)
            hasher.combine(location.line)
            hasher.combine(location.column)
        }
    }
}
