import HeraldCore

/// One cluster of a state file, in site order.
package struct StateCluster: Codable, Hashable, Sendable {
    package var id: String
    package var name: String
    /// The worst status of its components.
    package var status: ComponentStatus

    package init(id: String, name: String, status: ComponentStatus) {
        self.id = id
        self.name = name
        self.status = status
    }
}

/// One (cluster, service) component of a state file, with what causes its status.
package struct StateComponent: Codable, Hashable, Sendable {
    package var cluster: String
    package var clusterName: String
    package var service: String
    package var serviceName: String
    package var status: ComponentStatus
    /// Slugs of the open incidents giving the component a non-operational status, worst first.
    package var incidents: [String]
    /// Slugs of the active maintenance windows covering the component.
    package var maintenance: [String]

    package init(
        cluster: String, clusterName: String, service: String, serviceName: String, status: ComponentStatus,
        incidents: [String], maintenance: [String]
    ) {
        self.cluster = cluster
        self.clusterName = clusterName
        self.service = service
        self.serviceName = serviceName
        self.status = status
        self.incidents = incidents
        self.maintenance = maintenance
    }

    /// `cluster/service`: the key of the component across states.
    package var key: String { "\(cluster)/\(service)" }

    enum CodingKeys: String, CodingKey {
        case cluster
        case clusterName = "cluster_name"
        case service
        case serviceName = "service_name"
        case status, incidents, maintenance
    }
}

/// A component and the status an incident gives it, in a state file.
package struct StateImpact: Codable, Hashable, Sendable {
    package var cluster: String
    package var service: String
    /// Absent for maintenance (always under maintenance).
    package var status: ComponentStatus?

    package init(cluster: String, service: String, status: ComponentStatus?) {
        self.cluster = cluster
        self.service = service
        self.status = status
    }
}
