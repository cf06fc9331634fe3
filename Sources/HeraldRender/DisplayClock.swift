import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Formats instants for people, in the site's time zone with the zone named.
///
/// Hand-written instead of `DateFormatter` because output must be byte-identical across
/// machines and locales, and pages render on many threads at once. Local fields come from the
/// zone's offset at the instant and `UTCTimestamp`'s arithmetic (`Calendar.dateComponents` and
/// a localised zone-name lookup per call were 4% of a build's CPU time).
package struct DisplayClock: Sendable {
    package let timeZone: TimeZone
    /// The zone's short names (`EST`, `EDT`), looked up once; nil where the zone has none.
    private let standardName: String?
    private let daylightName: String?

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    package init(timeZone: TimeZone) {
        self.timeZone = timeZone
        let english = Locale(identifier: "en_US")
        standardName = timeZone.localizedName(for: .shortStandard, locale: english)
        daylightName = timeZone.localizedName(for: .shortDaylightSaving, locale: english)
    }

    /// `6 Oct 2025, 13:30 EDT`
    package func dateTime(_ date: Date) -> String {
        let local = fields(date)
        return "\(local.day) \(shortMonth(local.month)) \(local.year), \(local.clock) \(zoneName(at: date))"
    }

    /// `13:30 EDT`
    package func time(_ date: Date) -> String {
        "\(fields(date).clock) \(zoneName(at: date))"
    }

    /// `6 October 2025`
    package func day(_ date: Date) -> String {
        let local = fields(date)
        return "\(local.day) \(longMonth(local.month)) \(local.year)"
    }

    /// `October 2025`
    package func month(_ date: Date) -> String {
        let local = fields(date)
        return "\(longMonth(local.month)) \(local.year)"
    }

    /// A key that sorts and groups by month in the display zone, e.g. 202510.
    package func monthKey(_ date: Date) -> Int {
        let local = fields(date)
        return local.year * 100 + local.month
    }

    /// Whether the zone is UTC by another name (Foundation calls `UTC` `GMT`): its times read "UTC".
    private var isUTC: Bool { timeZone.identifier == "UTC" || timeZone.identifier == "GMT" }

    /// The zone's IANA name as pages state it: `America/Toronto`, or `UTC` for UTC however
    /// `site.yml` spells it, as every time shown then reads `UTC`.
    package var zoneIdentifier: String { isUTC ? "UTC" : timeZone.identifier }

    /// The zone's short name at that instant (`EDT`, `UTC`, or `GMT+2` where none exists).
    package func zoneName(at date: Date) -> String {
        if isUTC { return "UTC" }
        return (timeZone.isDaylightSavingTime(for: date) ? daylightName : standardName)
            ?? timeZone.abbreviation(for: date) ?? timeZone.identifier
    }

    /// The calendar fields of `date` on the zone's wall clock.
    private func fields(_ date: Date) -> UTCTimestamp {
        UTCTimestamp(date.addingTimeInterval(TimeInterval(timeZone.secondsFromGMT(for: date))))
    }

    /// `2 h 35 min`, `45 min`, `3 d 4 h`.
    package static func duration(from start: Date, to end: Date) -> String {
        duration(end.timeIntervalSince(start))
    }

    /// `seconds` as `2 h 5 min`, `1 d 3 h` or `0 min`, to the nearest minute.
    package static func duration(_ seconds: TimeInterval) -> String {
        let minutes = max(0, Int((seconds / 60).rounded()))
        let days = minutes / 1440
        let hours = (minutes % 1440) / 60
        let rest = minutes % 60
        if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
        if hours > 0 { return rest > 0 ? "\(hours) h \(rest) min" : "\(hours) h" }
        return "\(rest) min"
    }

    private func shortMonth(_ month: Int) -> String { String(longMonth(month).prefix(3)) }

    private func longMonth(_ month: Int) -> String {
        guard (1...12).contains(month) else { return "" }
        return Self.monthNames[month - 1]
    }
}
