/// One (cluster, service) pair: the unit whose status the site reports.
public struct ComponentID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var cluster: String
    public var service: String

    public init(cluster: String, service: String) {
        self.cluster = cluster
        self.service = service
    }

    public static func < (lhs: ComponentID, rhs: ComponentID) -> Bool {
        (lhs.cluster, lhs.service) < (rhs.cluster, rhs.service)
    }

    /// `cluster/service`, the key used in state files and ids.
    public var description: String { "\(cluster)/\(service)" }
}

/// A component and the status an incident gives it.
public struct ComponentImpact: Hashable, Sendable {
    public var component: ComponentID
    public var status: ComponentStatus

    public init(component: ComponentID, status: ComponentStatus) {
        self.component = component
        self.status = status
    }
}
