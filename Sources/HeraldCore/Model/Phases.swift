/// What an incident or maintenance update announces, as pages show it.
package protocol TimelinePhase: Hashable, Sendable {
    /// The content-file spelling, e.g. `in-progress`.
    var rawValue: String { get }
    /// Words for people, e.g. `In progress`.
    var label: String { get }
}

/// The stage an incident update announces.
package enum IncidentPhase: String, CaseIterable, Codable, TimelinePhase {
    case investigating
    case identified
    case monitoring
    case resolved

    package var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// The stage a maintenance update announces.
package enum MaintenancePhase: String, CaseIterable, Codable, TimelinePhase {
    case scheduled
    case inProgress = "in-progress"
    case verifying
    case completed

    package var label: String {
        switch self {
        case .scheduled: "Scheduled"
        case .inProgress: "In progress"
        case .verifying: "Verifying"
        case .completed: "Completed"
        }
    }
}
