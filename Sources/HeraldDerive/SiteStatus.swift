import Foundation
import HeraldCore

/// What a component's status is as of `now`, and why.
public struct ComponentState: Hashable, Sendable {
    public var component: ComponentID
    public var status: ComponentStatus
    /// Slugs of the ongoing incidents giving this component a non-operational status, worst first.
    public var incidents: [String]
    /// Slugs of the active maintenance windows covering this component.
    public var maintenances: [String]

    public init(component: ComponentID, status: ComponentStatus, incidents: [String], maintenances: [String])
    {
        self.component = component
        self.status = status
        self.incidents = incidents
        self.maintenances = maintenances
    }
}

/// The page-level indicator, in Statuspage's vocabulary.
public enum Indicator: Int, CaseIterable, Comparable, Hashable, Sendable {
    case none
    case maintenance
    case minor
    case major
    case critical

    public var slug: String {
        switch self {
        case .none: "none"
        case .maintenance: "maintenance"
        case .minor: "minor"
        case .major: "major"
        case .critical: "critical"
        }
    }

    /// Statuspage's wording for the rollup.
    public var description: String {
        switch self {
        case .none: "All Systems Operational"
        case .maintenance: "Service Under Maintenance"
        case .minor: "Minor Service Outage"
        case .major: "Partial System Outage"
        case .critical: "Major System Outage"
        }
    }

    public static func < (lhs: Indicator, rhs: Indicator) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where a maintenance window stands as of `now`.
public enum MaintenanceState: String, Hashable, Sendable {
    case upcoming
    case active
    case completed
    case cancelled
}

/// One day of one component's uptime bar.
public struct UptimeDay: Hashable, Sendable {
    /// Midnight starting the day, in the site's time zone.
    public var day: Date
    /// The worst status the component had at any moment of that day.
    public var worst: ComponentStatus
    /// major-outage minutes + 0.3 × partial-outage minutes.
    public var downtimeMinutes: Double
    /// Slugs of incidents that touched the component that day.
    public var incidents: [String]

    public init(day: Date, worst: ComponentStatus, downtimeMinutes: Double, incidents: [String]) {
        self.day = day
        self.worst = worst
        self.downtimeMinutes = downtimeMinutes
        self.incidents = incidents
    }
}

/// A component's uptime over the last `history_days` days, oldest day first.
public struct UptimeHistory: Hashable, Sendable {
    public var component: ComponentID
    public var days: [UptimeDay]
    /// 100 × (1 − downtime / minutes in the period), for the whole period.
    public var uptimePercent: Double

    public init(component: ComponentID, days: [UptimeDay], uptimePercent: Double) {
        self.component = component
        self.days = days
        self.uptimePercent = uptimePercent
    }
}

/// The derived state of the whole site as of `now`: the input of rendering besides the `Site`.
public struct SiteStatus: Hashable, Sendable {
    public var now: Date
    /// Every component of `SiteConfig.components`, in that order.
    public var components: [ComponentState]
    /// Cluster id → worst status of its components.
    public var clusters: [String: ComponentStatus]
    public var indicator: Indicator
    /// Incident slug → the phase of its newest update at or before `now` (`investigating` if none).
    public var incidentPhases: [String: IncidentPhase]
    /// Incident slug → status each component has from it as of `now` (resolved ones: final statement).
    public var incidentImpacts: [String: [ComponentImpact]]
    /// Slugs of incidents started at or before `now` and not resolved by then, newest first.
    public var activeIncidents: [String]
    /// Maintenance slug → state as of `now`.
    public var maintenanceStates: [String: MaintenanceState]
    /// Component → uptime bar.
    public var history: [ComponentID: UptimeHistory]

    public init(
        now: Date, components: [ComponentState], clusters: [String: ComponentStatus], indicator: Indicator,
        incidentPhases: [String: IncidentPhase], incidentImpacts: [String: [ComponentImpact]],
        activeIncidents: [String], maintenanceStates: [String: MaintenanceState],
        history: [ComponentID: UptimeHistory]
    ) {
        self.now = now
        self.components = components
        self.clusters = clusters
        self.indicator = indicator
        self.incidentPhases = incidentPhases
        self.incidentImpacts = incidentImpacts
        self.activeIncidents = activeIncidents
        self.maintenanceStates = maintenanceStates
        self.history = history
    }
}
