import Foundation

/// An instant spelled in UTC for the machine-readable outputs (Atom, JSON, iCalendar).
struct UTCTimestamp {
    var year = 0
    var month = 0
    var day = 0
    var hour = 0
    var minute = 0
    var second = 0
    var millisecond = 0

    init(_ date: Date) {
        let totalMilliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        let wholeSeconds = (totalMilliseconds / 1000).rounded(.down)
        millisecond = Int(totalMilliseconds - wholeSeconds * 1000)
        let parts = Self.calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: wholeSeconds))
        year = parts.year ?? 0
        month = parts.month ?? 0
        day = parts.day ?? 0
        hour = parts.hour ?? 0
        minute = parts.minute ?? 0
        second = parts.second ?? 0
    }

    /// RFC 3339 as Atom wants it: `2025-10-06T17:30:00Z`.
    var rfc3339: String {
        "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))Z"
    }

    /// Statuspage's spelling, with milliseconds: `2025-10-06T17:30:00.000Z`.
    var iso8601Milliseconds: String {
        "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second)).\(pad(millisecond, 3))Z"
    }

    /// iCalendar UTC DATE-TIME: `20251006T173000Z`.
    var iCalendar: String {
        "\(pad(year, 4))\(pad(month))\(pad(day))T\(pad(hour))\(pad(minute))\(pad(second))Z"
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.gmt
        return calendar
    }()

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
