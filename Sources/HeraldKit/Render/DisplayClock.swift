import Foundation

/// Formats instants for people, in the site's time zone with the zone named.
///
/// Hand-written instead of `DateFormatter` because output must be byte-identical across
/// machines and locales, and pages render on many threads at once.
public struct DisplayClock: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// `6 Oct 2025, 13:30 EDT`
    public func dateTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(parts.day ?? 0) \(shortMonth(parts.month)) \(parts.year ?? 0), "
            + "\(twoDigits(parts.hour)):\(twoDigits(parts.minute)) \(zoneName(at: date))"
    }

    /// `13:30 EDT`
    public func time(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return "\(twoDigits(parts.hour)):\(twoDigits(parts.minute)) \(zoneName(at: date))"
    }

    /// `6 October 2025`
    public func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.day ?? 0) \(longMonth(parts.month)) \(parts.year ?? 0)"
    }

    /// `October 2025`
    public func month(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return "\(longMonth(parts.month)) \(parts.year ?? 0)"
    }

    /// A key that sorts and groups by month in the display zone, e.g. 202510.
    public func monthKey(_ date: Date) -> Int {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return (parts.year ?? 0) * 100 + (parts.month ?? 0)
    }

    /// The zone's short name at that instant (`EDT`, `UTC`, or `GMT+2` where none exists).
    public func zoneName(at date: Date) -> String {
        if timeZone.identifier == "UTC" || timeZone.identifier == "GMT" { return "UTC" }
        let style: NSTimeZone.NameStyle =
            timeZone.isDaylightSavingTime(for: date) ? .shortDaylightSaving : .shortStandard
        return timeZone.localizedName(for: style, locale: Locale(identifier: "en_US"))
            ?? timeZone.abbreviation(for: date) ?? timeZone.identifier
    }

    /// `2 h 35 min`, `45 min`, `3 d 4 h`.
    public static func duration(from start: Date, to end: Date) -> String {
        let minutes = max(0, Int((end.timeIntervalSince(start) / 60).rounded()))
        let days = minutes / 1440
        let hours = (minutes % 1440) / 60
        let rest = minutes % 60
        if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
        if hours > 0 { return rest > 0 ? "\(hours) h \(rest) min" : "\(hours) h" }
        return "\(rest) min"
    }

    private func shortMonth(_ month: Int?) -> String { String(longMonth(month).prefix(3)) }

    private func longMonth(_ month: Int?) -> String {
        guard let month, (1...12).contains(month) else { return "" }
        return Self.monthNames[month - 1]
    }

    private func twoDigits(_ value: Int?) -> String {
        let value = value ?? 0
        return value < 10 ? "0\(value)" : "\(value)"
    }
}
