import Foundation
import HeraldCore

/// Who a change is for, so CI can route it to the matching contact list of the cluster.
package enum Audience: String, Codable, CaseIterable, Comparable, Hashable, Sendable {
    /// Incidents, and component changes with an incident behind either side.
    case emergency
    /// Maintenance, and component changes with only maintenance behind them.
    case maintenance

    package static func < (lhs: Audience, rhs: Audience) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// What kind of thing changed; the declaration order is the order changes are listed in.
package enum ChangeKind: String, Codable, CaseIterable, Comparable, Hashable, Sendable {
    case componentStatus = "component-status"
    case incidentOpened = "incident-opened"
    case incidentUpdated = "incident-updated"
    case incidentReopened = "incident-reopened"
    case incidentResolved = "incident-resolved"
    case postmortemPublished = "postmortem-published"
    case maintenanceScheduled = "maintenance-scheduled"
    case maintenanceRescheduled = "maintenance-rescheduled"
    case maintenanceStarted = "maintenance-started"
    case maintenanceCompleted = "maintenance-completed"
    case maintenanceCancelled = "maintenance-cancelled"

    package static func < (lhs: ChangeKind, rhs: ChangeKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// `maintenance-started` → `maintenance started`, `incident-reopened` → `incident reopened`.
    package var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// An incident or maintenance behind a component's new status.
package struct ChangeCause: Codable, Hashable, Sendable {
    package enum Kind: String, Codable, Hashable, Sendable {
        case incident
        case maintenance
    }

    package var kind: Kind
    package var slug: String
    package var title: String
    /// Absolute URL of its page.
    package var url: String

    package init(kind: Kind, slug: String, title: String, url: String) {
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
package struct Change: Codable, Hashable, Sendable {
    package var kind: ChangeKind
    package var audience: Audience
    package var cluster: String
    package var clusterName: String
    package var service: String?
    package var serviceName: String?
    /// Component statuses before and after.
    package var from: ComponentStatus?
    package var to: ComponentStatus?
    /// The incidents and maintenance behind the new status (`to`), worst first.
    package var causes: [ChangeCause]?
    /// Incident slug.
    package var incident: String?
    /// Maintenance slug.
    package var maintenance: String?
    /// Title of the incident or maintenance.
    package var title: String?
    package var url: String?
    /// The incident's phase, or the maintenance's state, after the change.
    package var status: String?
    /// The incident's impact after the change.
    package var impact: Impact?
    /// The newest update, whose message is worth quoting to the reader.
    package var update: StateUpdate?
    package var window: StateWindow?
    package var previousWindow: StateWindow?

    package init(
        kind: ChangeKind, audience: Audience, cluster: String, clusterName: String, service: String? = nil,
        serviceName: String? = nil, from: ComponentStatus? = nil, to: ComponentStatus? = nil,
        causes: [ChangeCause]? = nil,
        incident: String? = nil, maintenance: String? = nil, title: String? = nil, url: String? = nil,
        status: String? = nil, impact: Impact? = nil, update: StateUpdate? = nil, window: StateWindow? = nil,
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
