import Foundation
import HeraldCore

/// What a component's status is as of `now`, and why.
package struct ComponentState: Hashable, Sendable {
    package var component: ComponentID
    package var status: ComponentStatus
    /// Slugs of the ongoing incidents giving this component a non-operational status, worst first.
    package var incidents: [String]
    /// Slugs of the active maintenance windows covering this component.
    package var maintenances: [String]

    package init(component: ComponentID, status: ComponentStatus, incidents: [String], maintenances: [String])
    {
        self.component = component
        self.status = status
        self.incidents = incidents
        self.maintenances = maintenances
    }
}

/// The page-level indicator, in Statuspage's vocabulary.
package enum Indicator: Int, CaseIterable, Comparable, Hashable, Sendable {
    case none
    case maintenance
    case minor
    case major
    case critical

    package var slug: String {
        switch self {
        case .none: "none"
        case .maintenance: "maintenance"
        case .minor: "minor"
        case .major: "major"
        case .critical: "critical"
        }
    }

    /// Statuspage's wording for the rollup.
    package var description: String {
        switch self {
        case .none: "All Systems Operational"
        case .maintenance: "Service Under Maintenance"
        case .minor: "Minor Service Outage"
        case .major: "Partial System Outage"
        case .critical: "Major System Outage"
        }
    }

    package static func < (lhs: Indicator, rhs: Indicator) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Indicator: SlugCoded {
    package init?(slug: String) {
        guard let match = Self.allCases.first(where: { $0.slug == slug }) else { return nil }
        self = match
    }

    package init(from decoder: any Decoder) throws { try self.init(slugFrom: decoder) }
    package func encode(to encoder: any Encoder) throws { try encodeSlug(to: encoder) }
}

/// Where a maintenance window stands as of `now`.
package enum MaintenanceState: String, Codable, Hashable, Sendable {
    case upcoming
    case active
    case completed
    case cancelled
}

/// One day of one component's uptime bar.
package struct UptimeDay: Hashable, Sendable {
    /// Midnight starting the day, in the site's time zone.
    package var day: Date
    /// The worst status the component had at any moment of that day.
    package var worst: ComponentStatus
    /// Weighted downtime minutes by the site's `UptimePolicy` (major-outage minutes + 0.3 ×
    /// partial-outage minutes by default).
    package var downtimeMinutes: Double
    /// Slugs of incidents that touched the component that day.
    package var incidents: [String]
    /// False for a day wholly before the component's `since`.
    package var inService: Bool

    package init(
        day: Date, worst: ComponentStatus, downtimeMinutes: Double, incidents: [String],
        inService: Bool = true
    ) {
        self.day = day
        self.worst = worst
        self.downtimeMinutes = downtimeMinutes
        self.incidents = incidents
        self.inService = inService
    }
}

/// A component's uptime over the last `history_days` days, oldest day first.
package struct UptimeHistory: Hashable, Sendable {
    package var component: ComponentID
    package var days: [UptimeDay]
    /// The whole period, counted as the uptime report counts it.
    package var tally: UptimeTally

    package init(component: ComponentID, days: [UptimeDay], tally: UptimeTally) {
        self.component = component
        self.days = days
        self.tally = tally
    }

    /// 100 × (1 − downtime / counted time) over the whole period; 100 when nothing counted.
    package var uptimePercent: Double { tally.percent ?? 100 }
}

/// The derived state of the whole site as of `now`: the input of rendering besides the `Site`.
package struct SiteStatus: Hashable, Sendable {
    package var now: Date
    /// Every component of `SiteConfig.components`, in that order.
    package var components: [ComponentState]
    /// Cluster id → worst status of its components.
    package var clusters: [String: ComponentStatus]
    package var indicator: Indicator
    /// Incident slug → the phase of its newest update at or before `now` (`investigating` if none).
    package var incidentPhases: [String: IncidentPhase]
    /// Incident slug → status each component has from it as of `now` (empty once resolved).
    package var incidentImpacts: [String: [ComponentImpact]]
    /// Incident slug → every component it affected up to `now`, with its worst status and how long
    /// it was impaired (current impact first while ongoing): what pages, feeds and the API list.
    package var incidentHistories: [String: [AffectedComponent]]
    /// Slugs of incidents started at or before `now` and not resolved by then, newest first.
    package var activeIncidents: [String]
    /// Maintenance slug → state as of `now`.
    package var maintenanceStates: [String: MaintenanceState]
    /// Component → uptime bar.
    package var history: [ComponentID: UptimeHistory]
    /// Uptime per month and over the last 30, 90 and 365 days.
    package var uptime: UptimeReport

    package init(
        now: Date, components: [ComponentState], clusters: [String: ComponentStatus], indicator: Indicator,
        incidentPhases: [String: IncidentPhase], incidentImpacts: [String: [ComponentImpact]],
        activeIncidents: [String], maintenanceStates: [String: MaintenanceState],
        history: [ComponentID: UptimeHistory], uptime: UptimeReport = .empty,
        incidentHistories: [String: [AffectedComponent]] = [:]
    ) {
        self.incidentHistories = incidentHistories
        self.now = now
        self.components = components
        self.clusters = clusters
        self.indicator = indicator
        self.incidentPhases = incidentPhases
        self.incidentImpacts = incidentImpacts
        self.activeIncidents = activeIncidents
        self.maintenanceStates = maintenanceStates
        self.history = history
        self.uptime = uptime
    }
}
