import Foundation

/// The RFC 3339 UTC spelling of instants in state files (`2025-10-06T17:30:00Z`), whole seconds.
///
/// State files keep times as strings so that a decoded state compares equal to a freshly made
/// one and two builds of the same input give the same bytes.
enum StateTime {
    private static let style = Date.ISO8601FormatStyle(timeZone: TimeZone.gmt)

    /// Formats `date`, dropping any fraction of a second.
    static func string(_ date: Date) -> String {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)).formatted(style)
    }

    /// Parses a time written by `string(_:)` (or any RFC 3339 time without fractional seconds).
    static func date(_ string: String) -> Date? {
        try? style.parse(string)
    }
}
