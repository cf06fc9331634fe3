import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// An incident as the outputs show it. The site handed to rendering is already the snapshot
/// as of `now` (`SiteSnapshot.asOf`), so future updates and resolutions are gone; this only
/// adds the derived phase and the dates feeds and the API need.
struct PublishedIncident {
    var incident: Incident
    var phase: IncidentPhase
    /// Every component it affected up to `now` (current impact first while ongoing).
    var affected: [AffectedComponent]
    var ongoing: Bool
    var now: Date

    init(_ incident: Incident, status: SiteStatus) {
        now = status.now
        self.incident = incident
        phase = status.phase(of: incident)
        affected = status.incidentHistories[incident.slug] ?? incident.affectedHistory(asOf: status.now)
        ongoing = status.activeIncidents.contains(incident.slug)
    }

    var slug: String { incident.slug }
    /// Oldest first, none after `now`.
    var updates: [IncidentUpdate] { incident.updates }
    var resolvedAt: Date? { incident.resolved }
    /// The newest of the start, the updates and the resolution.
    var lastChange: Date { incident.lastChange }

    /// Every component the incident touched up to `now`, as `affected` lists them.
    var components: [ComponentID] { affected.map(\.component) }
}

/// A maintenance window as the outputs show it, with its derived state.
struct PublishedMaintenance {
    var maintenance: Maintenance
    var state: MaintenanceState

    init(_ maintenance: Maintenance, status: SiteStatus) {
        self.maintenance = maintenance
        state =
            status.state(of: maintenance)
    }

    var slug: String { maintenance.slug }
    /// Oldest first, none after `now`.
    var updates: [MaintenanceUpdate] { maintenance.updates }
    /// When it was announced: its first update, or the window start (as written, for a recurring one).
    var published: Date {
        let start = maintenance.recurrence?.first.start ?? maintenance.start
        return min(updates.first?.at ?? start, start)
    }
    /// The newest update or reschedule, or the window start if that is later.
    var lastChange: Date { maintenance.lastChange }
}

/// The content every machine-readable output shows, from the snapshot as of `status.now`
/// (incidents newest start first, maintenance newest window first, posts newest first).
struct PublishedContent {
    var incidents: [PublishedIncident]
    var maintenances: [PublishedMaintenance]
    var posts: [Post]
    var now: Date

    init(site: Site, status: SiteStatus) {
        now = status.now
        incidents = site.incidents.map { PublishedIncident($0, status: status) }
        maintenances = site.maintenances.map { PublishedMaintenance($0, status: status) }
        posts = site.posts
    }
}

/// The elements of `items` without repeats, in first-seen order.
func firstSeen<Element: Hashable>(_ items: [Element]) -> [Element] {
    var seen = Set<Element>()
    return items.filter { seen.insert($0).inserted }
}
