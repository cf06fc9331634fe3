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

/// Coded as a list of its fields, as `SourceLocation` is and for the same reason: a parse record
/// names a component in every impact of every update.
extension ComponentID {
    package init(from decoder: any Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(cluster: try fields.decode(String.self), service: try fields.decode(String.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(cluster)
        try fields.encode(service)
    }
}

/// Coded as a list of its fields, as `SourceLocation` is and for the same reason.
extension ComponentImpact {
    package init(from decoder: any Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(
            component: try fields.decode(ComponentID.self), status: try fields.decode(ComponentStatus.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(component)
        try fields.encode(status)
    }
}
