import Foundation
import HeraldCore

/// An incident open as of the state's `now`.
package struct StateIncident: Codable, Hashable, Sendable {
    package var slug: String
    package var title: String
    /// The phase of its newest update (never `resolved`: it is open).
    package var status: IncidentPhase
    package var impact: Impact
    package var started: Date
    /// Nil while the incident has no update yet.
    package var latestUpdate: StateUpdate?
    /// Absolute URL of the incident page.
    package var url: String
    /// Ids of every cluster the incident has affected so far, in site order: where its news is routed.
    package var clusters: [String]
    /// The status it gives each component now, in site order.
    package var affected: [StateImpact]
    /// When it was last reopened (its newest `reopened: true` update); absent when never reopened.
    package var reopened: Date?

    package init(
        slug: String, title: String, status: IncidentPhase, impact: Impact, started: Date,
        latestUpdate: StateUpdate?, url: String, clusters: [String], affected: [StateImpact],
        reopened: Date? = nil
    ) {
        self.reopened = reopened.map(Timestamp.wholeSeconds)
        self.slug = slug
        self.title = title
        self.status = status
        self.impact = impact
        self.started = Timestamp.wholeSeconds(started)
        self.latestUpdate = latestUpdate
        self.url = url
        self.clusters = clusters
        self.affected = affected
    }

    enum CodingKeys: String, CodingKey {
        case slug, title, status, impact, started
        case latestUpdate = "latest_update"
        case url, clusters, affected, reopened
    }
}

/// An incident resolved within `RecentWindow` before the state's `now`.
///
/// Kept so the next diff can tell a reopened incident from a new one, and so the
/// resolution's last update can be quoted.
package struct StateResolvedIncident: Codable, Hashable, Sendable {
    package var slug: String
    package var title: String
    package var resolved: Date
    package var latestUpdate: StateUpdate?
    package var url: String
    package var clusters: [String]

    package init(
        slug: String, title: String, resolved: Date, latestUpdate: StateUpdate?, url: String,
        clusters: [String]
    ) {
        self.slug = slug
        self.title = title
        self.resolved = Timestamp.wholeSeconds(resolved)
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
