import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// A status shown as an icon and words, never colour alone.
struct StatusBadge: Hashable, Sendable, Encodable {
    /// CSS modifier, e.g. `partial-outage`.
    var key: String
    var label: String
    /// A glyph drawn beside the label; hidden from screen readers, which read the label.
    var icon: String

    init(_ status: ComponentStatus) {
        key = status.slug
        label = status.label
        icon = Self.icon(for: status)
    }

    init(_ indicator: Indicator) {
        key = "indicator-" + indicator.slug
        label = indicator.description
        let status: ComponentStatus =
            switch indicator {
            case .none: .operational
            case .maintenance: .underMaintenance
            case .minor: .degradedPerformance
            case .major: .partialOutage
            case .critical: .majorOutage
            }
        icon = Self.icon(for: status)
    }

    init(_ phase: IncidentPhase) {
        key = "phase-" + phase.rawValue
        label = phase.label
        icon = phase == .resolved ? Self.icon(for: .operational) : "●"
    }

    init(_ state: MaintenanceState) {
        key = "maintenance-" + state.rawValue
        switch state {
        case .upcoming: label = "Scheduled"
        case .active: label = "In progress"
        case .completed: label = "Completed"
        case .cancelled: label = "Cancelled"
        }
        icon = state == .cancelled ? "⊘" : Self.icon(for: .underMaintenance)
    }

    private static func icon(for status: ComponentStatus) -> String {
        switch status {
        case .operational: "✓"
        case .underMaintenance: "⚙"
        case .degradedPerformance: "▲"
        case .partialOutage: "◆"
        case .majorOutage: "✕"
        }
    }
}
