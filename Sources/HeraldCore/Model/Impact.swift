/// How bad an incident is, in Statuspage's vocabulary.
public enum Impact: Int, CaseIterable, Comparable, Hashable, Sendable {
    case none
    case minor
    case major
    case critical

    public var slug: String {
        switch self {
        case .none: "none"
        case .minor: "minor"
        case .major: "major"
        case .critical: "critical"
        }
    }

    public var label: String {
        switch self {
        case .none: "None"
        case .minor: "Minor"
        case .major: "Major"
        case .critical: "Critical"
        }
    }

    public init?(slug: String) {
        guard let match = Self.allCases.first(where: { $0.slug == slug }) else { return nil }
        self = match
    }

    public static func < (lhs: Impact, rhs: Impact) -> Bool { lhs.rawValue < rhs.rawValue }
}
