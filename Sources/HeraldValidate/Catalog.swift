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
