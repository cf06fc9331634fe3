import Foundation
import HeraldCore

extension SiteState {
    /// The state of `site` as `status` derived it: what the build writes to `api/state.json`.
    ///
    /// Only content known at `status.now` counts: updates dated later are ignored.
    package static func make(site: Site, status: SiteStatus) -> SiteState {
        let context = StateContext(site: site, now: status.now)
        let clusters = site.config.clusters.map { cluster in
            StateCluster(
                id: cluster.id, name: cluster.name,
                status: status.clusters[cluster.id] ?? .operational)
        }
        return SiteState(
            now: status.now,
            indicator: status.indicator,
            title: site.config.title,
            baseURL: site.config.baseURL,
            clusters: clusters,
            components: status.components.map(context.component),
            incidents: openIncidents(site: site, status: status, context: context),
            resolvedIncidents: resolvedIncidents(site: site, status: status, context: context),
            maintenance: maintenance(site: site, status: status, context: context),
            postmortems: postmortems(site: site, context: context))
    }

    private static func postmortems(site: Site, context: StateContext) -> [StatePostmortem] {
        site.incidents
            .compactMap { incident -> (Incident, Date)? in
                guard let postmortem = incident.postmortem, postmortem.published <= context.now else {
                    return nil
                }
                return (incident, postmortem.published)
            }
            .sorted { ($0.1, $0.0.slug) < ($1.1, $1.0.slug) }
            .map { incident, published in
                StatePostmortem(
                    slug: incident.slug, title: incident.title, published: published,
                    url: site.config.baseURL.url(SitePaths.incident(incident.slug)),
                    clusters: context.clusters(of: context.componentsSoFar(incident)))
            }
    }

    private static func openIncidents(site: Site, status: SiteStatus, context: StateContext)
        -> [StateIncident]
    {
        let open = Set(status.activeIncidents)
        return site.incidents
            .filter { open.contains($0.slug) }
            .sorted { ($0.started, $1.slug) > ($1.started, $0.slug) }
            .map { incident in
                let impacts = Dictionary(
                    (status.incidentImpacts[incident.slug] ?? []).map { ($0.component, $0.status) },
                    uniquingKeysWith: max)
                return StateIncident(
                    slug: incident.slug, title: incident.title,
                    status: status.phase(of: incident),
                    impact: incident.impact,
                    started: incident.started,
                    latestUpdate: context.latestUpdate(incident.updates),
                    url: site.config.baseURL.url(SitePaths.incident(incident.slug)),
                    clusters: context.clusters(of: context.componentsSoFar(incident)),
                    affected: context.ordered(Array(impacts.keys)).map { component in
                        StateImpact(
                            cluster: component.cluster, service: component.service,
                            status: impacts[component] ?? .operational)
                    },
                    reopened: incident.latestReopening(asOf: status.now)?.at)
            }
    }

    private static func resolvedIncidents(
        site: Site, status: SiteStatus, context: StateContext
    ) -> [StateResolvedIncident] {
        let open = Set(status.activeIncidents)
        return site.incidents
            .compactMap { incident -> (Incident, Date)? in
                guard !open.contains(incident.slug), let resolved = incident.resolved,
                    context.isRecent(resolved), incident.started <= status.now
                else { return nil }
                return (incident, resolved)
            }
            .sorted { ($0.1, $1.0.slug) > ($1.1, $0.0.slug) }
            .map { incident, resolved in
                StateResolvedIncident(
                    slug: incident.slug, title: incident.title, resolved: resolved,
                    latestUpdate: context.latestUpdate(incident.updates),
                    url: site.config.baseURL.url(SitePaths.incident(incident.slug)),
                    clusters: context.clusters(of: context.componentsSoFar(incident)))
            }
    }

    private static func maintenance(site: Site, status: SiteStatus, context: StateContext)
        -> [StateMaintenance]
    {
        site.maintenances
            .compactMap { window -> (Maintenance, MaintenanceState)? in
                let state = status.state(of: window)
                switch state {
                case .upcoming, .active: return (window, state)
                case .completed, .cancelled:
                    return context.endedRecentlyOrLater(window.end) ? (window, state) : nil
                }
            }
            .sorted { ($0.0.start, $0.0.slug) < ($1.0.start, $1.0.slug) }
            .map { window, state in
                let components = context.ordered(window.components)
                let latest = window.updates.last { $0.at <= status.now }
                return StateMaintenance(
                    slug: window.slug, title: window.title, status: state,
                    phase: latest?.status,
                    window: StateWindow(start: window.start, end: window.end),
                    cancelled: window.cancelled,
                    latestUpdate: context.latestUpdate(window.updates),
                    url: site.config.baseURL.url(SitePaths.maintenance(window.slug)),
                    clusters: context.clusters(of: components),
                    components: components.map {
                        StateImpact(cluster: $0.cluster, service: $0.service, status: nil)
                    },
                    recurrence: window.recurrence?.rrule,
                    occurrences: window.recurrence?.horizon(at: status.now, limit: StateMaintenance.horizon)
                        .map { StateWindow(start: $0.start, end: $0.end) },
                    rescheduledFrom: window.reschedules.last.map {
                        StateWindow(start: $0.previousStart, end: $0.previousEnd)
                    })
            }
    }
}

/// Lookups shared while making one state: names and site order of clusters and components.
private struct StateContext {
    let now: Date
    let clusterNames: [String: String]
    let clusterOrder: [String: Int]
    let serviceNames: [String: String]
    let componentOrder: [ComponentID: Int]

    init(site: Site, now: Date) {
        self.now = now
        let config = site.config
        clusterNames = Dictionary(
            config.clusters.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        clusterOrder = Dictionary(
            config.clusters.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        serviceNames = Dictionary(
            config.services.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        componentOrder = Dictionary(
            config.components.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func component(_ state: ComponentState) -> StateComponent {
        let id = state.component
        return StateComponent(
            cluster: id.cluster, clusterName: clusterNames[id.cluster] ?? id.cluster,
            service: id.service, serviceName: serviceNames[id.service] ?? id.service,
            status: state.status, incidents: state.incidents, maintenance: state.maintenances)
    }

    /// Distinct components in site order (unknown ones last, by id).
    func ordered(_ components: [ComponentID]) -> [ComponentID] {
        Set(components).sorted {
            (componentOrder[$0] ?? Int.max, $0) < (componentOrder[$1] ?? Int.max, $1)
        }
    }

    /// The distinct clusters of `components`, in site order.
    func clusters(of components: [ComponentID]) -> [String] {
        Set(components.map(\.cluster)).sorted {
            (clusterOrder[$0] ?? Int.max, $0) < (clusterOrder[$1] ?? Int.max, $1)
        }
    }

    /// Components an incident has affected from its start up to `now`.
    func componentsSoFar(_ incident: Incident) -> [ComponentID] {
        incident.statedImpacts(asOf: now).map(\.component)
    }

    func latestUpdate<Phase>(_ updates: [TimelineUpdate<Phase>]) -> StateUpdate? {
        updates.last { $0.at <= now }.map {
            StateUpdate(
                id: $0.id, at: $0.at,
                message: $0.message.source.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// At or before `now`, and within `RecentWindow`.
    func isRecent(_ date: Date) -> Bool {
        date <= now && RecentWindow.contains(date, asOf: now)
    }

    /// Within `RecentWindow`, or after `now`.
    func endedRecentlyOrLater(_ date: Date) -> Bool {
        RecentWindow.contains(date, asOf: now)
    }
}
