import HeraldCore

/// A maintenance window as of the state's `now`: active, upcoming, or cancelled or completed
/// within `RecentWindow`.
package struct StateMaintenance: Codable, Hashable, Sendable {
    package var slug: String
    package var title: String
    package var status: MaintenanceState
    /// The phase of its newest update; nil without updates.
    package var phase: MaintenancePhase?
    package var window: StateWindow
    package var cancelled: Bool
    package var latestUpdate: StateUpdate?
    package var url: String
    /// Ids of the clusters it covers, in site order.
    package var clusters: [String]
    /// The components it covers, in site order.
    package var components: [StateImpact]
    /// A recurring window's rule, as an iCalendar RRULE (`FREQ=WEEKLY;BYDAY=SU`); nil for a one-off
    /// window. `window` is then the occurrence running, else the next one, else the last one.
    package var recurrence: String?
    /// A recurring window's occurrences: the one running (if any) and the next ones (`StateMaintenance.horizon`).
    package var occurrences: [StateWindow]?
    /// The window it had before its latest reschedule; nil if never moved.
    package var rescheduledFrom: StateWindow?

    /// How many upcoming occurrences of a recurring window the outputs list.
    package static let horizon = 8

    package init(
        slug: String, title: String, status: MaintenanceState, phase: MaintenancePhase?, window: StateWindow,
        cancelled: Bool, latestUpdate: StateUpdate?, url: String, clusters: [String],
        components: [StateImpact],
        recurrence: String? = nil, occurrences: [StateWindow]? = nil, rescheduledFrom: StateWindow? = nil
    ) {
        self.slug = slug
        self.title = title
        self.status = status
        self.phase = phase
        self.window = window
        self.cancelled = cancelled
        self.latestUpdate = latestUpdate
        self.url = url
        self.clusters = clusters
        self.components = components
        self.recurrence = recurrence
        self.occurrences = occurrences
        self.rescheduledFrom = rescheduledFrom
    }

    enum CodingKeys: String, CodingKey {
        case slug, title, status, phase, window, cancelled
        case latestUpdate = "latest_update"
        case url, clusters, components, recurrence, occurrences
        case rescheduledFrom = "rescheduled_from"
    }
}
