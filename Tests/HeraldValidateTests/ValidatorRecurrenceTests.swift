import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport
@testable import HeraldValidate

/// `repeat:`, `skip:` and `rescheduled:` in a maintenance file (the site is in America/Toronto).
@Suite struct ValidatorRecurrenceTests {
    private let path = "Content/maintenance/m.md"

    private func validate(_ rule: String, window: String = "2025-10-26T02:00:00-04:00", hours: Int = 2) throws
        -> ValidationResult
    {
        let end = Fixture.date(window).addingTimeInterval(TimeInterval(hours * 3600))
        return try Fixture.validate(replacing: [
            path: """
            ---
            title: M
            window:
              start: \(window)
              end: \(Timestamp.format(end))
            affected:
              - cluster: a
                services: [imap]
            \(rule)
            ---
            Body

            """
        ])
    }

    @Test func readsAWeeklyRuleWithSkippedDays() throws {
        let result = try validate(
            "repeat:\n  frequency: weekly\n  weekdays: [sunday, wednesday]\n  count: 6\nskip: [2025-11-02]")
        #expect(Fixture.errors(result) == [])
        let rule = try #require(result.site?.maintenances.first?.recurrence)
        #expect(rule.frequency == .weekly)
        #expect(rule.weekdays == [0, 3])
        #expect(rule.count == 6)
        #expect(rule.skip == [LocalDay(year: 2025, month: 11, day: 2)])
        #expect(rule.rrule == "FREQ=WEEKLY;BYDAY=SU,WE;COUNT=6")
        let shorthand = try validate("repeat: monthly")
        #expect(Fixture.errors(shorthand) == [])
        #expect(shorthand.site?.maintenances.first?.recurrence?.rrule == "FREQ=MONTHLY")
    }

    @Test func untilBeforeTheStartIsAnError() throws {
        let result = try validate("repeat:\n  frequency: weekly\n  until: 2025-10-01")
        #expect(
            Fixture.errors(result) == [
                "\(path):11:10: error: `until` (2025-10-02T03:59:59Z) is before the window starts "
                    + "(2025-10-26T06:00:00Z); set it after the first occurrence, or remove `repeat`"
            ])
    }

    @Test func skipMustNameAnOccurrence() throws {
        let result = try validate("repeat: weekly\nskip: [2025-11-03]")
        #expect(
            Fixture.errors(result) == [
                "\(path):10:8: error: 2025-11-03 is not a day this window occurs on (the nearest are 2025-11-02 "
                    + "or 2025-11-09); skip a day it occurs on, or remove this date"
            ])
        let oneOff = try validate("skip: [2025-11-02]")
        #expect(Fixture.errors(oneOff).first?.contains("add `repeat:` or remove it") == true)
    }

    @Test func overlappingOccurrencesAreAnError() throws {
        let result = try validate("repeat:\n  frequency: weekly\n  weekdays: [sunday, monday]", hours: 30)
        let errors = Fixture.errors(result)
        #expect(errors.count == 1)
        #expect(
            errors.first?.hasPrefix("\(path):10:3: error: occurrences of this window overlap") == true,
            "\(errors)")
    }

    @Test func impossibleRulesAreErrorsWithHints() throws {
        let cases: [(String, String)] = [
            ("repeat:\n  frequency: weekly\n  interval: 0", "`interval` must be between 1 and 520, not 0"),
            ("repeat:\n  frequency: daily", "unknown frequency `daily`; expected one of weekly, monthly"),
            ("repeat:\n  frequency: weekly\n  weekdays: [monday]", "the window starts on a Sunday"),
            (
                "repeat:\n  frequency: monthly\n  weekdays: [sunday]",
                "remove `weekdays`, or use `frequency: weekly`"
            ),
            (
                "repeat:\n  frequency: weekly\n  count: 3\n  until: 2026-01-01",
                "give `until` or `count`, not both"
            ),
            (
                "repeat:\n  frequency: weekly\n  count: 1\nskip: [2025-10-26]",
                "`skip` calls off every occurrence"
            ),
        ]
        for (rule, message) in cases {
            let errors = Fixture.errors(try validate(rule))
            #expect(errors.count == 1 && errors[0].contains(message), "\(rule): \(errors)")
        }
    }

    @Test func readsRescheduledWindows() throws {
        let result = try validate(
            "rescheduled:\n  - at: 2025-10-20T12:00:00Z\n    start: 2025-10-19T06:00:00Z\n    end: 2025-10-19T08:00:00Z"
        )
        #expect(Fixture.errors(result) == [])
        let maintenance = try #require(result.site?.maintenances.first)
        #expect(
            maintenance.reschedules == [
                MaintenanceReschedule(
                    at: Fixture.date("2025-10-20T12:00:00Z"),
                    previousStart: Fixture.date("2025-10-19T06:00:00Z"),
                    previousEnd: Fixture.date("2025-10-19T08:00:00Z"))
            ])
        #expect(maintenance.revision == 1)
        let backwards = try validate(
            "rescheduled:\n  - at: 2025-10-20T12:00:00Z\n    start: 2025-10-19T08:00:00Z\n    end: 2025-10-19T06:00:00Z"
        )
        #expect(
            Fixture.errors(backwards).first?.contains("the earlier window must end after it starts") == true)
    }
}
