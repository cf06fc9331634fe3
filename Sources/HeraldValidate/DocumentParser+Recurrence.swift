import Foundation
import HeraldCore
import HeraldLoad
import Yams

extension DocumentParser {
    /// `repeat:` and `skip:` of a maintenance whose first window is `first` (SPEC §3.3); nil for a
    /// one-off window or a rule with errors (each reported at its line).
    mutating func recurrence(_ fields: Fields, first: MaintenanceOccurrence) -> MaintenanceRecurrence? {
        guard let node = fields["repeat"] else {
            if let skip = fields["skip"] {
                reader.error(
                    "`skip` names occurrences of a recurring window; add `repeat:` or remove it", at: skip)
            }
            return nil
        }
        guard var rule = repeatRule(node, first: first) else { return nil }
        guard checkOccurrences(rule, at: node) else { return nil }
        if let skipNode = fields["skip"] {
            guard let skip = skipDays(skipNode, of: rule) else { return nil }
            rule.skip = skip
            if rule.occurrences(while: { _ in true }).isEmpty {
                reader.error("`skip` calls off every occurrence; set `cancelled: true` instead", at: skipNode)
                return nil
            }
        }
        return rule
    }

    /// `repeat: weekly`, or `repeat: {frequency, interval, weekdays, until, count}`.
    private mutating func repeatRule(_ node: Node, first: MaintenanceOccurrence) -> MaintenanceRecurrence? {
        let frequencies = MaintenanceRecurrence.Frequency.allCases.map { ($0.rawValue, $0) }
        var rule = MaintenanceRecurrence(
            frequency: .weekly, interval: 1, weekdays: [], until: nil, count: nil, skip: [],
            timeZone: timeZone, first: first)
        let firstWeekday = rule.local(first.start).day.weekday
        if case .scalar = node {
            guard let frequency = reader.choice(node, field: "repeat", frequencies) else { return nil }
            rule.frequency = frequency
            rule.weekdays = frequency == .weekly ? [firstWeekday] : []
            return rule
        }
        guard
            let fields = reader.mapping(
                node, known: ["frequency", "interval", "weekdays", "until", "count"], what: "`repeat`")
        else { return nil }
        var valid = true
        if let frequency = reader.required(fields, "frequency", in: "`repeat`").flatMap({
            reader.choice($0, field: "frequency", frequencies)
        }) {
            rule.frequency = frequency
        } else {
            valid = false
        }
        if let intervalNode = fields["interval"] {
            if let interval = reader.integer(intervalNode, field: "interval", in: 1...520) {
                rule.interval = interval
            } else {
                valid = false
            }
        }
        if let countNode = fields["count"] {
            if let count = reader.integer(countNode, field: "count", in: 1...1000) {
                rule.count = count
            } else {
                valid = false
            }
        }
        if let untilNode = fields["until"] {
            if let until = untilTime(untilNode) {
                rule.until = until
                if until < first.start {
                    reader.error(
                        "`until` (\(Timestamp.format(until))) is before the window starts "
                            + "(\(Timestamp.format(first.start))); set it after the first occurrence, or "
                            + "remove `repeat`", at: untilNode)
                    valid = false
                }
            } else {
                valid = false
            }
            if rule.count != nil {
                reader.error(
                    "give `until` or `count`, not both (iCalendar allows one); remove one of them",
                    at: untilNode)
                valid = false
            }
        }
        if let weekdaysNode = fields["weekdays"] {
            valid = weekdays(weekdaysNode, into: &rule, firstWeekday: firstWeekday) && valid
        } else if rule.frequency == .weekly {
            rule.weekdays = [firstWeekday]
        }
        return valid ? rule : nil
    }

    /// `weekdays: [sunday, …]` of a weekly rule; the first window must fall on one of them.
    private mutating func weekdays(
        _ node: Node, into rule: inout MaintenanceRecurrence, firstWeekday: Int
    ) -> Bool {
        guard rule.frequency == .weekly else {
            reader.error(
                "a monthly window falls on the first window's day of the month; remove `weekdays`, or use "
                    + "`frequency: weekly`", at: node)
            return false
        }
        guard let items = reader.list(node, field: "weekdays") else { return false }
        let names = MaintenanceRecurrence.weekdayNames
        var days: [Int] = []
        for item in items {
            guard let day = reader.choice(item, field: "weekday", names.enumerated().map { ($1, $0) })
            else { return false }
            if !days.contains(day) { days.append(day) }
        }
        guard !days.isEmpty else {
            reader.error("`weekdays` is empty; name at least one day, such as [sunday]", at: node)
            return false
        }
        guard days.contains(firstWeekday) else {
            reader.error(
                "the window starts on a \(names[firstWeekday].capitalized), which `weekdays` does not list; "
                    + "add \(names[firstWeekday]) or move the window to one of the days listed", at: node)
            return false
        }
        rule.weekdays = days.sorted()
        return true
    }

    /// `until:` as a time, or a date meaning the end of that day in the site's zone.
    private mutating func untilTime(_ node: Node) -> Date? {
        if case .scalar(let scalar) = node, let date = Timestamp.parseDate(scalar.string) {
            let next = LocalDay(year: date.year, month: date.month, day: date.day).daysSinceEpoch + 1
            return MaintenanceRecurrence.instant(
                LocalDay(daysSinceEpoch: next), second: 0, in: timeZone
            ).addingTimeInterval(-1)
        }
        if case .scalar(let scalar) = node, let date = Timestamp.parse(scalar.string) { return date }
        reader.error(
            YAMLReader.timeMessage(
                node, field: "until", example: "a date such as 2026-03-31 or a time with an offset",
                datesAllowed: true), at: node)
        return nil
    }

    /// The rule's occurrences must not overlap one another.
    private mutating func checkOccurrences(_ rule: MaintenanceRecurrence, at node: Node) -> Bool {
        var previous: MaintenanceOccurrence?
        var overlap: (MaintenanceOccurrence, MaintenanceOccurrence)?
        var seen = 0
        rule.walk { occurrence, _, _ in
            seen += 1
            if let previous, occurrence.start < previous.end {
                overlap = (previous, occurrence)
                return false
            }
            previous = occurrence
            return seen < 60
        }
        guard let (earlier, later) = overlap else { return true }
        reader.error(
            "occurrences of this window overlap: the one starting \(Timestamp.format(earlier.start)) lasts "
                + "\(Int(earlier.end.timeIntervalSince(earlier.start) / 60)) min and runs past the next "
                + "one's start (\(Timestamp.format(later.start))); shorten the window or space the occurrences "
                + "further apart", at: node)
        return false
    }

    /// `skip: [YYYY-MM-DD, …]`: each the day (in the site's zone) of an occurrence.
    private mutating func skipDays(_ node: Node, of rule: MaintenanceRecurrence) -> [LocalDay]? {
        guard let items = reader.list(node, field: "skip") else { return nil }
        var days: [LocalDay] = []
        var valid = true
        for item in items {
            guard case .scalar(let scalar) = item, let date = Timestamp.parseDate(scalar.string) else {
                reader.error(
                    "expected a date such as 2025-11-09 for an item of `skip`, not \(YAMLReader.describe(item))",
                    at: item)
                valid = false
                continue
            }
            let day = LocalDay(year: date.year, month: date.month, day: date.day)
            var isOccurrence = false
            var nearest: [LocalDay] = []
            rule.walk { _, occurrenceDay, _ in
                if occurrenceDay == day { isOccurrence = true }
                nearest = Array((nearest + [occurrenceDay]).suffix(2))
                return occurrenceDay < day
            }
            guard isOccurrence else {
                let near = nearest.map(\.description).joined(separator: " or ")
                reader.error(
                    "\(day) is not a day this window occurs on"
                        + (near.isEmpty ? "" : " (the nearest are \(near))")
                        + "; skip a day it occurs on, or remove this date", at: item)
                valid = false
                continue
            }
            days.append(day)
        }
        return valid ? days : nil
    }
}
