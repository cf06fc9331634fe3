/// What an incident or maintenance update announces, as pages show it.
public protocol TimelinePhase: Hashable, Sendable {
    /// The content-file spelling, e.g. `in-progress`.
    var rawValue: String { get }
    /// Words for people, e.g. `In progress`.
    var label: String { get }
}

/// The stage an incident update announces.
public enum IncidentPhase: String, CaseIterable, TimelinePhase {
    case investigating
    case identified
    case monitoring
    case resolved

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// The stage a maintenance update announces.
public enum MaintenancePhase: String, CaseIterable, TimelinePhase {
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
