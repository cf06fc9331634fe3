import Foundation

/// One occurrence of a maintenance window: `[start, end)`.
package struct MaintenanceOccurrence: Hashable, Sendable, Codable {
    package var start: Date
    package var end: Date

    package init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }
}

/// A day on the wall calendar of a time zone, such as a `skip:` date.
package struct LocalDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int

    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    package init(daysSinceEpoch days: Int) {
        (year, month, day) = CivilDate.fromDaysSinceEpoch(days)
    }

    package var daysSinceEpoch: Int { CivilDate.daysSinceEpoch(year: year, month: month, day: day) }

    /// 0 = Sunday … 6 = Saturday.
    package var weekday: Int { ((daysSinceEpoch % 7) + 11) % 7 }  // 1970-01-01 was a Thursday

    /// `2025-11-02`.
    package var description: String {
        "\(UTCTimestamp.pad(year, 4))-\(UTCTimestamp.pad(month, 2))-\(UTCTimestamp.pad(day, 2))"
    }

    package static func < (lhs: LocalDay, rhs: LocalDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// How a maintenance window recurs (`repeat:` and `skip:`, SPEC §3.3): the subset of iCalendar's
/// RRULE that calendar clients agree on, on the wall clock of the site's time zone, so a 02:00
/// window stays at 02:00 across daylight-saving changes.
package struct MaintenanceRecurrence: Hashable, Sendable, Codable {
    package enum Frequency: String, CaseIterable, Hashable, Sendable, Codable {
        case weekly
        case monthly
    }

    package var frequency: Frequency
    /// Every `interval` weeks or months.
    package var interval: Int
    /// Weekly: the days of the week it falls on (0 = Sunday … 6 = Saturday), ascending; empty for monthly,
    /// which falls on the first occurrence's day of the month (months without that day are passed over).
    package var weekdays: [Int]
    /// No occurrence starts after this instant.
    package var until: Date?
    /// How many occurrences the rule makes, skipped ones included (as iCalendar counts them).
    package var count: Int?
    /// Days (in `timeZone`) whose occurrence is called off.
    package var skip: [LocalDay]
    package var timeZone: TimeZone
    /// The window as the file writes it: the first occurrence.
    package var first: MaintenanceOccurrence

    package init(
        frequency: Frequency, interval: Int, weekdays: [Int], until: Date?, count: Int?, skip: [LocalDay],
        timeZone: TimeZone, first: MaintenanceOccurrence
    ) {
        self.frequency = frequency
        self.interval = interval
        self.weekdays = weekdays
        self.until = until
        self.count = count
        self.skip = skip
        self.timeZone = timeZone
        self.first = first
    }

    /// Periods (weeks or months) looked at before giving up on an endless rule.
    static let periodLimit = 10_000

    /// The zone's wall clock at `date`: the day and the second of that day.
    package func local(_ date: Date) -> (day: LocalDay, second: Int) {
        let stamp = UTCTimestamp(date.addingTimeInterval(TimeInterval(timeZone.secondsFromGMT(for: date))))
        return (
            LocalDay(year: stamp.year, month: stamp.month, day: stamp.day),
            stamp.hour * 3600 + stamp.minute * 60 + stamp.second
        )
    }

    /// Calls `body` with each occurrence in order, with its day and whether `skip:` calls it off,
    /// until `body` returns false or the rule ends.
    package func walk(_ body: (MaintenanceOccurrence, LocalDay, _ skipped: Bool) -> Bool) {
        let (firstDay, second) = local(first.start)
        let duration = first.end.timeIntervalSince(first.start)
        let skipped = Set(skip)
        var made = 0
        for period in 0..<Self.periodLimit {
            for day in days(inPeriod: period, firstDay: firstDay) {
                if let count, made >= count { return }
                let start = instant(day, second: second)
                if let until, start > until { return }
                made += 1
                let occurrence = MaintenanceOccurrence(start: start, end: start.addingTimeInterval(duration))
                guard body(occurrence, day, skipped.contains(day)) else { return }
            }
        }
    }

    /// The days of one period (the `period`-th week or month of the rule) that hold an occurrence.
    private func days(inPeriod period: Int, firstDay: LocalDay) -> [LocalDay] {
        switch frequency {
        case .weekly:
            let first = firstDay.daysSinceEpoch
            let mondayIndex = (firstDay.weekday + 6) % 7
            let weekStart = first - mondayIndex + 7 * interval * period
            return weekdays.map { weekStart + ($0 + 6) % 7 }.sorted().filter { $0 >= first }
                .map(LocalDay.init(daysSinceEpoch:))
        case .monthly:
            let months = firstDay.year * 12 + firstDay.month - 1 + interval * period
            let year = months / 12
            let month = months % 12 + 1
            guard firstDay.day <= CivilDate.daysInMonth(year: year, month: month) else { return [] }
            return [LocalDay(year: year, month: month, day: firstDay.day)]
        }
    }

    /// The instant the zone's wall clock shows `second` into `day`. A time shown twice (clocks
    /// going back) is the first; a time never shown (clocks going forward) is read with the offset
    /// before the change, so it moves forward by the gap, as RFC 5545 §3.3.5 says.
    package func instant(_ day: LocalDay, second: Int) -> Date {
        Self.instant(day, second: second, in: timeZone)
    }

    /// `instant(_:second:)` for any zone.
    package static func instant(_ day: LocalDay, second: Int, in timeZone: TimeZone) -> Date {
        let wall = Double(day.daysSinceEpoch) * 86_400 + Double(second)
        let before = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall - 86_400))
        let after = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall + 86_400))
        let matches = Set([before, after]).map { wall - Double($0) }.filter {
            Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: $0))) == wall - $0
        }
        return Date(timeIntervalSince1970: matches.min() ?? wall - Double(before))
    }
}

extension MaintenanceRecurrence {
    /// Occurrences that are not skipped, in order, while `keepGoing` says so.
    package func occurrences(while keepGoing: (MaintenanceOccurrence) -> Bool) -> [MaintenanceOccurrence] {
        var result: [MaintenanceOccurrence] = []
        walk { occurrence, _, skipped in
            guard keepGoing(occurrence) else { return false }
            if !skipped { result.append(occurrence) }
            return true
        }
        return result
    }

    /// The occurrence running at `now`, else the next one, else the last one; nil when every
    /// occurrence is skipped.
    package func current(at now: Date) -> MaintenanceOccurrence? {
        var last: MaintenanceOccurrence?
        var found: MaintenanceOccurrence?
        walk { occurrence, _, skipped in
            guard !skipped else { return true }
            if now < occurrence.end {
                found = occurrence
                return false
            }
            last = occurrence
            return true
        }
        return found ?? last
    }

    /// The occurrence running at `now` (if any) and the next `limit` after it: what pages, the API
    /// and the state list.
    package func horizon(at now: Date, limit: Int = 8) -> [MaintenanceOccurrence] {
        var result: [MaintenanceOccurrence] = []
        var upcoming = 0
        walk { occurrence, _, skipped in
            guard !skipped, now < occurrence.end else { return true }
            if occurrence.start > now { upcoming += 1 }
            guard upcoming <= limit else { return false }
            result.append(occurrence)
            return true
        }
        return result
    }

    /// Every occurrence that overlaps `[start, end)`.
    package func occurrences(overlapping start: Date, _ end: Date) -> [MaintenanceOccurrence] {
        occurrences { $0.start < end }.filter { $0.end > start }
    }

    /// The weekday names by number (0 = Sunday), as `weekdays:` spells them.
    package static let weekdayNames = [
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    ]
}

extension MaintenanceRecurrence {
    /// The rule as an iCalendar RRULE value: `FREQ=WEEKLY;BYDAY=SU`, `FREQ=MONTHLY;INTERVAL=2;COUNT=6`.
    /// `UNTIL` is in UTC, as RFC 5545 requires beside a `DTSTART` with a `TZID`.
    package var rrule: String {
        var parts = ["FREQ=\(frequency.rawValue.uppercased())"]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if frequency == .weekly {
            parts.append(
                "BYDAY="
                    + weekdays.map { Self.weekdayNames[$0].prefix(2).uppercased() }.joined(separator: ","))
        }
        if let until { parts.append("UNTIL=\(UTCTimestamp(until).iCalendar)") }
        if let count { parts.append("COUNT=\(count)") }
        return parts.joined(separator: ";")
    }
}
