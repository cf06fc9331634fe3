import Foundation
import HeraldCore
import HeraldDerive

/// How pages, feeds and the calendar say that a window moved, was called off, or recurs.
struct MaintenanceWording {
    var clock: DisplayClock

    /// `15 Oct 2025, 02:00 EDT – 04:00 EDT`, or both dates when the window spans days.
    func window(_ start: Date, _ end: Date) -> String {
        "\(clock.dateTime(start)) – "
            + (clock.day(start) == clock.day(end) ? clock.time(end) : clock.dateTime(end))
    }

    /// The window before the latest move, or nil if it never moved.
    func previousWindow(_ maintenance: Maintenance) -> String? {
        maintenance.reschedules.last.map { window($0.previousStart, $0.previousEnd) }
    }

    /// `Every week on Sunday at 02:00 (America/Toronto time), for 2 h, 6 times`.
    func recurrence(_ rule: MaintenanceRecurrence) -> String {
        let names = rule.weekdays.map { MaintenanceRecurrence.weekdayNames[$0].capitalized }
        let unit = rule.frequency == .weekly ? "week" : "month"
        var text = rule.interval == 1 ? "every \(unit)" : "every \(rule.interval) \(unit)s"
        switch rule.frequency {
        case .weekly: text += " on " + Self.list(names)
        case .monthly: text += " on day \(rule.local(rule.first.start).day.day)"
        }
        let second = rule.local(rule.first.start).second
        text +=
            " at \(UTCTimestamp.pad(second / 3600, 2)):\(UTCTimestamp.pad(second % 3600 / 60, 2))"
            + " (\(clock.zoneIdentifier) time), for "
            + DisplayClock.duration(from: rule.first.start, to: rule.first.end)
        if let until = rule.until { text += ", until \(clock.day(until))" }
        if let count = rule.count { text += count == 1 ? ", once" : ", \(count) times" }
        return text
    }

    /// `Sunday`, `Sunday and Wednesday`, `Monday, Wednesday and Friday`.
    private static func list(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
