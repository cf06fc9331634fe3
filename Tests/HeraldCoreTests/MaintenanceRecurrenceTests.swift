import Foundation
import Testing

@testable import HeraldCore

/// Occurrences on the America/Toronto wall clock, across both daylight-saving changes.
@Suite struct MaintenanceRecurrenceTests {
    static let toronto = TimeZone(identifier: "America/Toronto")!

    static func rule(
        _ frequency: MaintenanceRecurrence.Frequency = .weekly, start: String, hours: Double = 2,
        interval: Int = 1, weekdays: [Int] = [0], count: Int? = nil, until: String? = nil,
        skip: [LocalDay] = []
    ) -> MaintenanceRecurrence {
        let first = Timestamp.parse(start)!
        return MaintenanceRecurrence(
            frequency: frequency, interval: interval, weekdays: weekdays,
            until: until.flatMap(Timestamp.parse),
            count: count, skip: skip, timeZone: toronto,
            first: MaintenanceOccurrence(start: first, end: first.addingTimeInterval(hours * 3600)))
    }

    static func starts(_ rule: MaintenanceRecurrence) -> [String] {
        rule.occurrences { _ in true }.map { Timestamp.format($0.start) }
    }

    @Test func weeklyKeepsTwoOClockAcrossTheNovemberChange() {
        let rule = Self.rule(start: "2025-10-26T02:00:00-04:00", count: 3)
        #expect(
            Self.starts(rule) == ["2025-10-26T06:00:00Z", "2025-11-02T07:00:00Z", "2025-11-09T07:00:00Z"])
        for occurrence in rule.occurrences(while: { _ in true }) {
            #expect(rule.local(occurrence.start).second == 2 * 3600)
            #expect(occurrence.end.timeIntervalSince(occurrence.start) == 7200)
        }
    }

    @Test func aTimeTheClockSkipsMovesForwardAndARepeatedOneIsTheFirst() {
        // 8 March 2026: 02:00 EST jumps to 03:00 EDT, so 02:30 is read as 02:30 EST = 03:30 EDT.
        let spring = Self.rule(start: "2026-03-01T02:30:00-05:00", count: 2)
        #expect(Self.starts(spring) == ["2026-03-01T07:30:00Z", "2026-03-08T07:30:00Z"])
        // 2 November 2025: 01:30 happens twice; the first (EDT) is meant.
        let autumn = Self.rule(start: "2025-10-26T01:30:00-04:00", count: 2)
        #expect(Self.starts(autumn) == ["2025-10-26T05:30:00Z", "2025-11-02T05:30:00Z"])
    }

    @Test func countIncludesSkippedDaysAndUntilIsInclusive() {
        let skipped = Self.rule(
            start: "2025-10-26T02:00:00-04:00", count: 3, skip: [LocalDay(year: 2025, month: 11, day: 2)])
        #expect(Self.starts(skipped) == ["2025-10-26T06:00:00Z", "2025-11-09T07:00:00Z"])
        let until = Self.rule(start: "2025-10-26T02:00:00-04:00", until: "2025-11-09T07:00:00Z")
        #expect(Self.starts(until).count == 3)
        #expect(until.rrule == "FREQ=WEEKLY;BYDAY=SU;UNTIL=20251109T070000Z")
    }

    @Test func everyOtherWeekOnTwoDaysAndMonthlyPassingOverShortMonths() {
        let fortnightly = Self.rule(
            start: "2025-10-26T02:00:00-04:00", interval: 2, weekdays: [0, 3], count: 4)
        #expect(
            Self.starts(fortnightly) == [
                "2025-10-26T06:00:00Z", "2025-11-05T07:00:00Z", "2025-11-09T07:00:00Z",
                "2025-11-19T07:00:00Z",
            ])
        #expect(fortnightly.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,WE;COUNT=4")
        let monthly = Self.rule(.monthly, start: "2026-01-31T02:00:00-05:00", weekdays: [], count: 3)
        #expect(
            Self.starts(monthly) == ["2026-01-31T07:00:00Z", "2026-03-31T06:00:00Z", "2026-05-31T06:00:00Z"])
    }

    @Test func currentAndHorizon() {
        let rule = Self.rule(start: "2025-10-26T02:00:00-04:00", count: 12)
        let during = Timestamp.parse("2025-11-02T08:00:00Z")!
        #expect(rule.current(at: during).map { Timestamp.format($0.start) } == "2025-11-02T07:00:00Z")
        let horizon = rule.horizon(at: during, limit: 8)
        #expect(horizon.count == 9)
        #expect(horizon.first.map { Timestamp.format($0.start) } == "2025-11-02T07:00:00Z")
        let after = Timestamp.parse("2026-06-01T00:00:00Z")!
        #expect(rule.current(at: after).map { Timestamp.format($0.start) } == "2026-01-11T07:00:00Z")
        #expect(rule.horizon(at: after).isEmpty)
    }
}
