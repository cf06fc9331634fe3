/// The stage an incident update announces.
public enum IncidentPhase: String, CaseIterable, Hashable, Sendable {
    case investigating
    case identified
    case monitoring
    case resolved

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// The stage a maintenance update announces.
public enum MaintenancePhase: String, CaseIterable, Hashable, Sendable {
    case scheduled
    case inProgress = "in-progress"
    case verifying
    case completed

    public var label: String {
        switch self {
        case .scheduled: "Scheduled"
        case .inProgress: "In progress"
        case .verifying: "Verifying"
        case .completed: "Completed"
        }
    }
}
