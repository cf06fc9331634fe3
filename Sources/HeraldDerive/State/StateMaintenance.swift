import HeraldCore

/// A maintenance window as of the state's `now`: active, upcoming, or cancelled or completed
/// within `SiteState.recentDays`.
public struct StateMaintenance: Codable, Hashable, Sendable {
    public var slug: String
    public var title: String
    /// `upcoming`, `active`, `completed` or `cancelled`.
    public var status: String
    /// The phase of its newest update (`scheduled`, `in-progress`, …); nil without updates.
    public var phase: String?
    public var window: StateWindow
    public var cancelled: Bool
    public var latestUpdate: StateUpdate?
    public var url: String
    /// Ids of the clusters it covers, in site order.
    public var clusters: [String]
    /// The components it covers, in site order.
    public var components: [StateImpact]

    public init(
        slug: String, title: String, status: String, phase: String?, window: StateWindow, cancelled: Bool,
        latestUpdate: StateUpdate?, url: String, clusters: [String], components: [StateImpact]
    ) {
        self.slug = slug
        self.title = title
        self.status = status
        self.phase = phase
        self.window = window
        self.cancelled = cancelled
        self.latestUpdate = latestUpdate
        self.url = url
        self.clusters = clusters
        self.components = components
    }

    enum CodingKeys: String, CodingKey {
        case slug, title, status, phase, window, cancelled
        case latestUpdate = "latest_update"
        case url, clusters, components
    }
}
