import HeraldCore

/// An incident open as of the state's `now`.
public struct StateIncident: Codable, Hashable, Sendable {
    public var slug: String
    public var title: String
    /// The phase of its newest update (`investigating`, `identified`, `monitoring`).
    public var status: String
    /// `none`, `minor`, `major` or `critical`.
    public var impact: String
    /// RFC 3339 UTC.
    public var started: String
    /// Nil while the incident has no update yet.
    public var latestUpdate: StateUpdate?
    /// Absolute URL of the incident page.
    public var url: String
    /// Ids of every cluster the incident has affected so far, in site order: where its news is routed.
    public var clusters: [String]
    /// The status it gives each component now, in site order.
    public var affected: [StateImpact]

    public init(
        slug: String, title: String, status: String, impact: String, started: String,
        latestUpdate: StateUpdate?, url: String, clusters: [String], affected: [StateImpact]
    ) {
        self.slug = slug
        self.title = title
        self.status = status
        self.impact = impact
        self.started = started
        self.latestUpdate = latestUpdate
        self.url = url
        self.clusters = clusters
        self.affected = affected
    }

    enum CodingKeys: String, CodingKey {
        case slug, title, status, impact, started
        case latestUpdate = "latest_update"
        case url, clusters, affected
    }
}

/// An incident resolved within `SiteState.recentDays` before the state's `now`.
///
/// Kept so the next diff can tell a re-opened incident from a new one, and so the
/// resolution's last update can be quoted.
public struct StateResolvedIncident: Codable, Hashable, Sendable {
    public var slug: String
    public var title: String
    /// RFC 3339 UTC.
    public var resolved: String
    public var latestUpdate: StateUpdate?
    public var url: String
    public var clusters: [String]

    public init(
        slug: String, title: String, resolved: String, latestUpdate: StateUpdate?, url: String,
        clusters: [String]
    ) {
        self.slug = slug
        self.title = title
        self.resolved = resolved
        self.latestUpdate = latestUpdate
        self.url = url
        self.clusters = clusters
    }

    enum CodingKeys: String, CodingKey {
        case slug, title, resolved
        case latestUpdate = "latest_update"
        case url, clusters
    }
}
