/// One (cluster, service) pair: the unit whose status the site reports.
package struct ComponentID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    package var cluster: String
    package var service: String

    package init(cluster: String, service: String) {
        self.cluster = cluster
        self.service = service
    }

    package static func < (lhs: ComponentID, rhs: ComponentID) -> Bool {
        (lhs.cluster, lhs.service) < (rhs.cluster, rhs.service)
    }

    /// `cluster/service`, the key used in state files and ids.
    package var description: String { "\(cluster)/\(service)" }
}

/// A component and the status an incident gives it.
package struct ComponentImpact: Hashable, Sendable, Codable {
    package var component: ComponentID
    package var status: ComponentStatus

    package init(component: ComponentID, status: ComponentStatus) {
        self.component = component
        self.status = status
    }
}

/// Coded as a list of its fields (`FieldList`): a parse record names a component in every
/// impact of every update.
extension ComponentID {
    package init(from decoder: any Decoder) throws {
        let (cluster, service): (String, String) = try FieldList.decode(decoder)
        self.init(cluster: cluster, service: service)
    }

    package func encode(to encoder: any Encoder) throws {
        try FieldList.encode(cluster, service, to: encoder)
    }
}

/// Coded as a list of its fields (`FieldList`), as its component is.
extension ComponentImpact {
    package init(from decoder: any Decoder) throws {
        let (component, status): (ComponentID, ComponentStatus) = try FieldList.decode(decoder)
        self.init(component: component, status: status)
    }

    package func encode(to encoder: any Encoder) throws {
        try FieldList.encode(component, status, to: encoder)
    }
}
