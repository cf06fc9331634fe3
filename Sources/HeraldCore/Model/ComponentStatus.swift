/// The status of one (cluster, service) component, ordered best to worst (SPEC §4).
package enum ComponentStatus: Int, CaseIterable, Comparable, Hashable, Sendable {
    case operational
    case underMaintenance
    case degradedPerformance
    case partialOutage
    case majorOutage

    /// The spelling used in content files and `state.json`.
    package var slug: String {
        switch self {
        case .operational: "operational"
        case .underMaintenance: "under-maintenance"
        case .degradedPerformance: "degraded-performance"
        case .partialOutage: "partial-outage"
        case .majorOutage: "major-outage"
        }
    }

    /// Human text shown on pages and in diffs.
    package var label: String {
        switch self {
        case .operational: "Operational"
        case .underMaintenance: "Under maintenance"
        case .degradedPerformance: "Degraded performance"
        case .partialOutage: "Partial outage"
        case .majorOutage: "Major outage"
        }
    }

    /// Statuses an incident may give a component in content files.
    package static let incidentStatuses: [ComponentStatus] = [
        .degradedPerformance, .partialOutage, .majorOutage,
    ]

    package init?(slug: String) {
        guard let match = Self.allCases.first(where: { $0.slug == slug }) else { return nil }
        self = match
    }

    package static func < (lhs: ComponentStatus, rhs: ComponentStatus) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The impact an incident has when its front matter does not say (SPEC §3.2).
    package var derivedImpact: Impact {
        switch self {
        case .operational, .underMaintenance: .none
        case .degradedPerformance: .minor
        case .partialOutage: .major
        case .majorOutage: .critical
        }
    }
}
