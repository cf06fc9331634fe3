import Foundation
import HeraldCore

/// Derives every status the site shows as of an instant (SPEC §4).
package enum StatusDeriver {
    /// The status of `site` as of `now`.
    ///
    /// `derive` applies `SiteSnapshot.asOf(site, now:)` itself, so content from after `now` never shows
    /// whatever it is given; its maps (`incidentPhases`, `incidentImpacts`, …) are keyed by the incidents
    /// of that snapshot. Render from the same snapshot so pages and status agree.
    package static func derive(_ site: Site, now: Date) -> SiteStatus {
        derive(snapshot: SiteSnapshot.asOf(site, now: now), now: now)
    }

    /// `derive` of a site that already is `SiteSnapshot.asOf(…, now: now)` (a build has it):
    /// taking the snapshot again changes nothing but costs a pass over every item.
    package static func derive(snapshot site: Site, now: Date) -> SiteStatus {
        let config = site.config
        let components = config.components
        let index = Dictionary(
            components.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

        var states = components.map {
            ComponentState(component: $0, status: .operational, incidents: [], maintenances: [])
        }
        var causes = Array(repeating: [Cause](), count: components.count)
        var incidentPhases: [String: IncidentPhase] = [:]
        var incidentImpacts: [String: [ComponentImpact]] = [:]
        var incidentHistories: [String: [AffectedComponent]] = [:]
        var active: [Incident] = []
        var worstImpact = Impact.none

        incidentPhases.reserveCapacity(site.incidents.count)
        incidentImpacts.reserveCapacity(site.incidents.count)
        incidentHistories.reserveCapacity(site.incidents.count)
        // Each incident on its own, on every core (its history is most of this pass); then
        // folded into the components in order.
        let readings = ParallelMap.map(site.incidents) { IncidentReading($0, now: now) }
        for (incident, reading) in zip(site.incidents, readings) {
            incidentPhases[incident.slug] = reading.phase
            incidentHistories[incident.slug] = reading.history
            guard let impacts = reading.impacts else {
                incidentImpacts[incident.slug] = []
                continue
            }
            incidentImpacts[incident.slug] = impacts
            active.append(incident)
            var affectsAny = false
            for impact in impacts where impact.status > .operational {
                affectsAny = true
                guard let position = index[impact.component] else { continue }
                states[position].status = max(states[position].status, impact.status)
                causes[position].append(
                    Cause(slug: incident.slug, status: impact.status, started: incident.started))
            }
            if affectsAny {
                worstImpact = max(worstImpact, incident.impact)
            }
        }

        var maintenanceStates: [String: MaintenanceState] = [:]
        var anyMaintenance = false
        for maintenance in site.maintenances.sorted(by: Self.newestWindowFirst) {
            let state = Self.state(of: maintenance, at: now)
            maintenanceStates[maintenance.slug] = state
            guard state == .active else { continue }
            anyMaintenance = true
            for component in Set(maintenance.components) {
                guard let position = index[component] else { continue }
                states[position].status = max(states[position].status, .underMaintenance)
                states[position].maintenances.append(maintenance.slug)
            }
        }

        for position in states.indices {
            states[position].incidents = causes[position].sorted().map(\.slug)
        }

        var clusters: [String: ComponentStatus] = [:]
        for cluster in config.clusters {
            clusters[cluster.id] =
                cluster.serviceIDs
                .compactMap { index[ComponentID(cluster: cluster.id, service: $0)].map { states[$0].status } }
                .max() ?? .operational
        }

        let indicator: Indicator =
            switch worstImpact {
            case .critical: .critical
            case .major: .major
            case .minor: .minor
            case .none: anyMaintenance ? .maintenance : .none
            }

        let activeIncidents = active.sorted { ($0.started, $1.slug) > ($1.started, $0.slug) }.map(\.slug)
        let uptime = UptimeReportBuilder.derive(site, now: now, current: states)

        return SiteStatus(
            now: now, components: states, clusters: clusters, indicator: indicator,
            incidentPhases: incidentPhases, incidentImpacts: incidentImpacts,
            activeIncidents: activeIncidents,
            maintenanceStates: maintenanceStates, history: uptime.history, uptime: uptime.report,
            incidentHistories: incidentHistories)
    }

    /// Where a window stands at `now`: start inclusive, end exclusive; cancelled ones never run.
    package static func state(of maintenance: Maintenance, at now: Date) -> MaintenanceState {
        if maintenance.cancelled { return .cancelled }
        if now < maintenance.start { return .upcoming }
        if now < maintenance.end { return .active }
        return .completed
    }

    private static func newestWindowFirst(_ lhs: Maintenance, _ rhs: Maintenance) -> Bool {
        (lhs.start, rhs.slug) > (rhs.start, lhs.slug)
    }
}

/// What `derive` reads of one incident as of an instant.
private struct IncidentReading: Sendable {
    var phase: IncidentPhase
    var history: [AffectedComponent]
    /// The impact in force while the incident is ongoing; nil when it is not.
    var impacts: [ComponentImpact]?

    init(_ incident: Incident, now: Date) {
        phase = incident.phase(at: now)
        history = incident.affectedHistory(asOf: now)
        impacts = incident.isOngoing(at: now) ? incident.impacts(at: now) : nil
    }
}

/// An ongoing incident behind a component's status; sorts worst first, then newest, then by slug.
private struct Cause: Comparable {
    var slug: String
    var status: ComponentStatus
    var started: Date

    static func < (lhs: Cause, rhs: Cause) -> Bool {
        (lhs.status, lhs.started, rhs.slug) > (rhs.status, rhs.started, lhs.slug)
    }
}
