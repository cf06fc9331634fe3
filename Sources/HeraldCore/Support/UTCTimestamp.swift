import Foundation

/// An instant's calendar fields in UTC, and the spellings Herald writes them in.
///
/// Computed with `CivilDate`'s arithmetic instead of `Calendar`, so it is exact, fast and the
/// same on every machine; the one place any output turns an instant into UTC digits.
package struct UTCTimestamp {
    package let year: Int
    package let month: Int
    package let day: Int
    let hour: Int
    let minute: Int
    package let second: Int
    let millisecond: Int
    /// 0 = Sunday … 6 = Saturday.
    package let weekday: Int

    package init(_ date: Date) {
        let interval = date.timeIntervalSince1970
        let totalMilliseconds =
            interval.isFinite ? Int(max(min((interval * 1000).rounded(.down), 2.5e17), -2.5e17)) : 0
        let total = Int((Double(totalMilliseconds) / 1000).rounded(.down))
        millisecond = totalMilliseconds - total * 1000
        let days = Int((Double(total) / 86_400).rounded(.down))
        let secondOfDay = total - days * 86_400
        (year, month, day) = CivilDate.fromDaysSinceEpoch(days)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday
    }

    /// RFC 3339 with whole seconds: `2025-10-06T17:30:00Z` (Atom, state files, `<time>`).
    package var rfc3339: String { "\(date)T\(clock):\(Self.pad(second, 2))Z" }

    /// Statuspage's spelling, with milliseconds: `2025-10-06T17:30:00.000Z`.
    package var iso8601Milliseconds: String {
        "\(date)T\(clock):\(Self.pad(second, 2)).\(Self.pad(millisecond, 3))Z"
    }

    /// Without separators: `20251006T173000Z` (the iCalendar UTC DATE-TIME form; also update ids).
    package var iCalendar: String {
        "\(Self.pad(year, 4))\(Self.pad(month, 2))\(Self.pad(day, 2))T"
            + "\(Self.pad(hour, 2))\(Self.pad(minute, 2))\(Self.pad(second, 2))Z"
    }

    /// `2025-10-06`.
    package var date: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// `17:30`.
    package var clock: String { "\(Self.pad(hour, 2)):\(Self.pad(minute, 2))" }

    package static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }
}
