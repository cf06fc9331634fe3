import Foundation
import HeraldCore

/// Who a change is for, so CI can route it to the matching contact list of the cluster.
public enum Audience: String, Codable, CaseIterable, Comparable, Hashable, Sendable {
    /// Incidents, and component changes with an incident behind either side.
    case emergency
    /// Maintenance, and component changes with only maintenance behind them.
    case maintenance

    public static func < (lhs: Audience, rhs: Audience) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// What kind of thing changed; the declaration order is the order changes are listed in.
public enum ChangeKind: String, Codable, CaseIterable, Comparable, Hashable, Sendable {
    case componentStatus = "component-status"
    case incidentOpened = "incident-opened"
    case incidentUpdated = "incident-updated"
    case incidentReopened = "incident-reopened"
    case incidentResolved = "incident-resolved"
    case maintenanceScheduled = "maintenance-scheduled"
    case maintenanceRescheduled = "maintenance-rescheduled"
    case maintenanceStarted = "maintenance-started"
    case maintenanceCompleted = "maintenance-completed"
    case maintenanceCancelled = "maintenance-cancelled"

    public static func < (lhs: ChangeKind, rhs: ChangeKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// `maintenance-started` → `maintenance started`, `incident-reopened` → `incident re-opened`.
    public var label: String {
        self == .incidentReopened ? "incident re-opened" : rawValue.replacingOccurrences(of: "-", with: " ")
    }
}

/// An incident or maintenance behind a component's new status.
public struct ChangeCause: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case incident
        case maintenance
    }

    public var kind: Kind
    public var slug: String
    public var title: String
    /// Absolute URL of its page.
    public var url: String

    public init(kind: Kind, slug: String, title: String, url: String) {
        self.kind = kind
        self.slug = slug
        self.title = title
        self.url = url
    }
}

/// One thing that changed between two states, for one cluster.
///
/// A component change fills `service`, `from`, `to` and `causes`; an incident change fills
/// `incident`, `title`, `url`, `status`, `impact` and `update`; a maintenance change fills
/// `maintenance`, `title`, `url`, `status`, `window` (and `previous_window` when rescheduled).
public struct Change: Codable, Hashable, Sendable {
    public var kind: ChangeKind
    public var audience: Audience
    public var cluster: String
    public var clusterName: String
    public var service: String?
    public var serviceName: String?
    /// Component statuses, spelled as in content files.
    public var from: String?
    public var to: String?
    /// The incidents and maintenance behind the new status (`to`), worst first.
    public var causes: [ChangeCause]?
    /// Incident slug.
    public var incident: String?
    /// Maintenance slug.
    public var maintenance: String?
    /// Title of the incident or maintenance.
    public var title: String?
    public var url: String?
    /// The incident's phase, or the maintenance's state, after the change.
    public var status: String?
    /// The incident's impact after the change.
    public var impact: String?
    /// The newest update, whose message is worth quoting to the reader.
    public var update: StateUpdate?
    public var window: StateWindow?
    public var previousWindow: StateWindow?

    public init(
        kind: ChangeKind, audience: Audience, cluster: String, clusterName: String, service: String? = nil,
        serviceName: String? = nil, from: String? = nil, to: String? = nil, causes: [ChangeCause]? = nil,
        incident: String? = nil, maintenance: String? = nil, title: String? = nil, url: String? = nil,
        status: String? = nil, impact: String? = nil, update: StateUpdate? = nil, window: StateWindow? = nil,
        previousWindow: StateWindow? = nil
    ) {
        self.kind = kind
        self.audience = audience
        self.cluster = cluster
        self.clusterName = clusterName
        self.service = service
        self.serviceName = serviceName
        self.from = from
        self.to = to
        self.causes = causes
        self.incident = incident
        self.maintenance = maintenance
        self.title = title
        self.url = url
        self.status = status
        self.impact = impact
        self.update = update
        self.window = window
        self.previousWindow = previousWindow
    }

    enum CodingKeys: String, CodingKey {
        case kind, audience, cluster
        case clusterName = "cluster_name"
        case service
        case serviceName = "service_name"
        case from, to, causes, incident, maintenance, title, url, status, impact, update, window
        case previousWindow = "previous_window"
    }
}
