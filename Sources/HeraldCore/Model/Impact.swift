/// How bad an incident is, in Statuspage's vocabulary.
package enum Impact: Int, CaseIterable, Comparable, Hashable, Sendable {
    case none
    case minor
    case major
    case critical

    package var slug: String {
        switch self {
        case .none: "none"
        case .minor: "minor"
        case .major: "major"
        case .critical: "critical"
        }
    }

    package var label: String {
        switch self {
        case .none: "None"
        case .minor: "Minor"
        case .major: "Major"
        case .critical: "Critical"
        }
    }

    package init?(slug: String) {
        guard let match = Self.allCases.first(where: { $0.slug == slug }) else { return nil }
        self = match
    }

    package static func < (lhs: Impact, rhs: Impact) -> Bool { lhs.rawValue < rhs.rawValue }
}
