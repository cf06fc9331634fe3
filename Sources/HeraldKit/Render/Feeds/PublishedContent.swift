import Foundation

/// An incident as readers see it at the build instant: updates dated after `now` are not
/// published yet, and it is resolved only once its resolution time has passed.
struct PublishedIncident {
    var incident: Incident
    /// Updates at or before `now`, oldest first.
    var updates: [IncidentUpdate]
    var resolvedAt: Date?
    var phase: IncidentPhase
    /// The newest of the start, the published updates and the resolution.
    var lastChange: Date

    /// Nil for an incident that has not started by `now`.
    init?(_ incident: Incident, now: Date) {
        guard incident.started <= now else { return nil }
        self.incident = incident
        updates = incident.updates.filter { $0.at <= now }
        let resolution = incident.resolved ?? incident.updates.first { $0.status == .resolved }?.at
        resolvedAt = resolution.flatMap { $0 <= now ? $0 : nil }
        phase = resolvedAt != nil ? .resolved : (updates.last?.status ?? .investigating)
        lastChange = max(updates.last?.at ?? incident.started, resolvedAt ?? incident.started)
    }

    var slug: String { incident.slug }

    /// Every component the published part of the incident touches, in first-seen order.
    var components: [ComponentID] {
        firstSeen((incident.affected + updates.flatMap { $0.affected ?? [] }).map(\.component))
    }

    /// The worst status each touched component had from this incident.
    var worstStatuses: [ComponentID: ComponentStatus] {
        var worst: [ComponentID: ComponentStatus] = [:]
        for impact in incident.affected + updates.flatMap({ $0.affected ?? [] }) {
            worst[impact.component] = max(worst[impact.component] ?? .operational, impact.status)
        }
        return worst
    }
}

/// A maintenance window as readers see it at the build instant.
struct PublishedMaintenance {
    var maintenance: Maintenance
    /// Updates at or before `now`, oldest first.
    var updates: [MaintenanceUpdate]
    var state: MaintenanceState
    /// When it was announced: its first published update, or the window start.
    var published: Date
    /// The newest published update, or the window start if that is later.
    var lastChange: Date

    init(_ maintenance: Maintenance, state: MaintenanceState?, now: Date) {
        self.maintenance = maintenance
        updates = maintenance.updates.filter { $0.at <= now }
        self.state = state ?? Self.state(of: maintenance, at: now)
        published = min(updates.first?.at ?? maintenance.start, maintenance.start)
        lastChange = max(updates.last?.at ?? maintenance.start, maintenance.start)
    }

    var slug: String { maintenance.slug }

    /// The state when the derivation did not provide one.
    static func state(of maintenance: Maintenance, at now: Date) -> MaintenanceState {
        if maintenance.cancelled { return .cancelled }
        if now < maintenance.start { return .upcoming }
        return now < maintenance.end ? .active : .completed
    }
}

/// The content every machine-readable output shows as of `status.now`: incidents that have
/// started (newest start first), every maintenance window (newest start first) and posts
/// dated at or before `now` (newest first). Future updates are held back everywhere.
struct PublishedContent {
    var incidents: [PublishedIncident]
    var maintenances: [PublishedMaintenance]
    var posts: [Post]
    var now: Date

    init(site: Site, status: SiteStatus) {
        now = status.now
        incidents = site.incidents.compactMap { PublishedIncident($0, now: status.now) }
            .sorted { ($0.incident.started, $0.slug) > ($1.incident.started, $1.slug) }
        maintenances = site.maintenances
            .map { PublishedMaintenance($0, state: status.maintenanceStates[$0.slug], now: status.now) }
            .sorted { ($0.maintenance.start, $0.slug) > ($1.maintenance.start, $1.slug) }
        posts = site.posts.filter { $0.date <= status.now }
            .sorted { ($0.date, $0.slug) > ($1.date, $1.slug) }
    }
}

/// The elements of `items` without repeats, in first-seen order.
func firstSeen<Element: Hashable>(_ items: [Element]) -> [Element] {
    var seen = Set<Element>()
    return items.filter { seen.insert($0).inserted }
}
