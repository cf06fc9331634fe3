import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Names and positions of clusters, services and components, looked up in constant time.
struct ComponentDirectory {
    private var clusterNames: [String: String] = [:]
    private var serviceNames: [String: String] = [:]
    /// Component → its index in `SiteConfig.components`, for ordering.
    private var order: [ComponentID: Int] = [:]
    private var clusterOrder: [String: Int] = [:]

    init(_ config: SiteConfig) {
        for (index, cluster) in config.clusters.enumerated() {
            clusterNames[cluster.id] = cluster.name
            clusterOrder[cluster.id] = index
        }
        for service in config.services { serviceNames[service.id] = service.name }
        for (index, component) in config.components.enumerated() { order[component] = index }
    }

    func clusterName(_ id: String) -> String { clusterNames[id] ?? id }
    func serviceName(_ id: String) -> String { serviceNames[id] ?? id }

    /// `Cluster A / Inbound mail`, as in the text form of the state diff.
    func name(of component: ComponentID) -> String {
        "\(clusterName(component.cluster)) / \(serviceName(component.service))"
    }

    /// Components in site order (unknown ones last, by id).
    func sorted(_ components: [ComponentID]) -> [ComponentID] {
        components.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
    }

    /// The clusters of `components`, in site order, without repeats.
    func clusters(of components: [ComponentID]) -> [String] {
        sortedClusters(components.map(\.cluster))
    }

    /// Cluster ids in site order, without repeats.
    func sortedClusters(_ ids: [String]) -> [String] {
        firstSeen(ids).sorted {
            (clusterOrder[$0] ?? Int.max, $0) < (clusterOrder[$1] ?? Int.max, $1)
        }
    }
}
