import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

@Suite struct DeriveHistoryTests {
    typealias F = DeriveFixture

    /// Monday 2025-10-06 10:00 UTC; with 7 days of history the period starts 2025-09-30 00:00 UTC.
    static let now = F.hours(10)
    static let elapsedMinutes = 6.0 * 1440 + 600

    func history(_ site: Site, _ component: ComponentID, now: Date = Self.now) throws -> UptimeHistory {
        try #require(StatusDeriver.derive(site, now: now).history[component])
    }

    @Test func daysAreTheLastHistoryDaysEndingToday() throws {
        let history = try history(try F.site(), F.inboundA)

        #expect(history.days.count == 7)
        #expect(history.days.map(\.day) == (-6...0).map { F.hours(Double($0) * 24) })
        #expect(
            history.days.allSatisfy {
                $0.worst == .operational && $0.downtimeMinutes == 0 && $0.incidents.isEmpty
            })
        #expect(history.uptimePercent == 100)
    }

    @Test func twoHourMajorOutage() throws {
        // Sunday 2025-10-05 02:00–04:00 UTC.
        let incident = F.incident(
            "i", started: F.hours(-22), resolved: F.hours(-20), affected: [F.hit(F.inboundA, .majorOutage)])

        let history = try history(try F.site(incidents: [incident]), F.inboundA)

        #expect(history.days[5].worst == .majorOutage)
        #expect(history.days[5].downtimeMinutes == 120)
        #expect(history.days[5].incidents == ["i"])
        #expect(history.days.enumerated().allSatisfy { $0.offset == 5 || $0.element.downtimeMinutes == 0 })
        #expect(abs(history.uptimePercent - 100 * (1 - 120 / Self.elapsedMinutes)) < 1e-9)
        #expect(try self.history(try F.site(incidents: [incident]), F.outboundA).uptimePercent == 100)
    }

    @Test func partialOutageMinutesCountPointThree() throws {
        let incident = F.incident(
            "i", started: F.hours(-22), resolved: F.hours(-20), affected: [F.hit(F.inboundA, .partialOutage)])

        let day = try history(try F.site(incidents: [incident]), F.inboundA).days[5]

        #expect(day.worst == .partialOutage)
        #expect(abs(day.downtimeMinutes - 36) < 1e-9)
    }

    @Test func degradedPerformanceAndMaintenanceCountNoDowntime() throws {
        let incident = F.incident(
            "i", started: F.hours(-22), resolved: F.hours(-20),
            affected: [F.hit(F.inboundA, .degradedPerformance)])
        let window = F.maintenance("m", start: F.hours(-46), end: F.hours(-42), components: [F.inboundA])

        let history = try history(try F.site(incidents: [incident], maintenances: [window]), F.inboundA)

        #expect(history.days[4].worst == .underMaintenance)
        #expect(history.days[4].incidents.isEmpty, "maintenance is not an incident")
        #expect(history.days[5].worst == .degradedPerformance)
        #expect(history.days.allSatisfy { $0.downtimeMinutes == 0 })
        #expect(history.uptimePercent == 100)
    }

    @Test func overlappingIncidentsCountEachMinuteOnceAtTheWorstStatus() throws {
        // Major 02:00–04:00, another major 03:00–05:00, partial 01:00–06:00 on 2025-10-05.
        let site = try F.site(incidents: [
            F.incident(
                "m1", started: F.hours(-22), resolved: F.hours(-20),
                affected: [F.hit(F.inboundA, .majorOutage)]),
            F.incident(
                "m2", started: F.hours(-21), resolved: F.hours(-19),
                affected: [F.hit(F.inboundA, .majorOutage)]),
            F.incident(
                "p", started: F.hours(-23), resolved: F.hours(-18),
                affected: [F.hit(F.inboundA, .partialOutage)]),
        ])

        let day = try history(site, F.inboundA).days[5]

        // 3 hours of major outage (02:00–05:00), 2 hours of partial only (01:00–02:00, 05:00–06:00).
        #expect(abs(day.downtimeMinutes - (180 + 0.3 * 120)) < 1e-9)
        #expect(day.worst == .majorOutage)
        #expect(day.incidents == ["m2", "m1", "p"], "newest started first")
    }

    @Test func incidentSpanningMidnightSplitsAcrossDays() throws {
        // Partial outage 2025-10-04 23:00 → 2025-10-05 01:30 UTC.
        let incident = F.incident(
            "i", started: F.hours(-25), resolved: F.hours(-22.5),
            affected: [F.hit(F.inboundA, .partialOutage)])

        let days = try history(try F.site(incidents: [incident]), F.inboundA).days

        #expect(abs(days[4].downtimeMinutes - 0.3 * 60) < 1e-9)
        #expect(abs(days[5].downtimeMinutes - 0.3 * 90) < 1e-9)
        #expect(days[4].incidents == ["i"] && days[5].incidents == ["i"])
        #expect(days[4].worst == .partialOutage && days[5].worst == .partialOutage)
        #expect(days[3].worst == .operational && days[6].worst == .operational)
    }

    @Test func perUpdateStatusesShapeTheDay() throws {
        // Major 02:00–03:00, then degraded until resolved at 05:00; webmail partial only until 03:00.
        let incident = F.incident(
            "i", started: F.hours(-22), resolved: F.hours(-19),
            affected: [F.hit(F.inboundA, .majorOutage), F.hit(F.webmailA, .partialOutage)],
            updates: [
                F.update(F.hours(-21), .monitoring, affected: [F.hit(F.inboundA, .degradedPerformance)])
            ])
        let site = try F.site(incidents: [incident])

        let inbound = try history(site, F.inboundA).days[5]
        let webmail = try history(site, F.webmailA).days[5]

        #expect(inbound.worst == .majorOutage && inbound.downtimeMinutes == 60)
        #expect(webmail.worst == .partialOutage && abs(webmail.downtimeMinutes - 18) < 1e-9)
    }

    @Test func ongoingIncidentCountsOnlyUntilNow() throws {
        let incident = F.incident("i", started: F.hours(8), affected: [F.hit(F.inboundA, .majorOutage)])

        let history = try history(try F.site(incidents: [incident]), F.inboundA)

        #expect(history.days[6].downtimeMinutes == 120)
        #expect(abs(history.uptimePercent - 100 * (1 - 120 / Self.elapsedMinutes)) < 1e-9)
    }

    @Test func futureUpdatesDoNotShapeHistory() throws {
        // As of 10:00 the incident is a partial outage; the escalation at 11:00 is not known yet.
        let incident = F.incident(
            "i", started: F.hours(8), affected: [F.hit(F.inboundA, .partialOutage)],
            updates: [F.update(F.hours(11), affected: [F.hit(F.inboundA, .majorOutage)])])

        let today = try history(try F.site(incidents: [incident]), F.inboundA).days[6]

        #expect(today.worst == .partialOutage)
        #expect(abs(today.downtimeMinutes - 36) < 1e-9)
    }

    @Test func incidentStartingAtNowShowsOnTodayWithoutDowntime() throws {
        let incident = F.incident("i", started: Self.now, affected: [F.hit(F.inboundA, .majorOutage)])

        let today = try history(try F.site(incidents: [incident]), F.inboundA).days[6]

        #expect(today.worst == .majorOutage)
        #expect(today.incidents == ["i"])
        #expect(today.downtimeMinutes == 0)
    }

    @Test func outageCoveringTheWholePeriodGivesZeroPercent() throws {
        let incident = F.incident(
            "i", started: F.hours(-24 * 30), affected: [F.hit(F.inboundA, .majorOutage)])

        let history = try history(try F.site(incidents: [incident]), F.inboundA)

        #expect(history.uptimePercent == 0)
        #expect(history.days.allSatisfy { $0.worst == .majorOutage && $0.incidents == ["i"] })
        #expect(history.days[0].downtimeMinutes == 1440)
        #expect(history.days[6].downtimeMinutes == 600)
    }

    @Test func incidentsBeforeThePeriodAreLeftOut() throws {
        let old = F.incident(
            "old", started: F.hours(-24 * 10), resolved: F.hours(-24 * 9),
            affected: [F.hit(F.inboundA, .majorOutage)])

        let history = try history(try F.site(incidents: [old]), F.inboundA)

        #expect(history.days.allSatisfy { $0.worst == .operational && $0.incidents.isEmpty })
        #expect(history.uptimePercent == 100)
        #expect(
            UptimeHistoryBuilder.intervals(
                of: try F.site(incidents: [old]), within: (F.hours(-144), Self.now)
            ).isEmpty)
    }

    @Test func fallBackDayInTorontoHas25Hours() throws {
        let toronto = try #require(TimeZone(identifier: "America/Toronto"))
        let now = try F.date("2025-11-03T12:00:00-05:00")
        let incident = F.incident(
            "i", started: try F.date("2025-11-01T12:00:00-04:00"),
            resolved: try F.date("2025-11-03T06:00:00-05:00"),
            affected: [F.hit(F.inboundA, .majorOutage)])
        let site = try F.site(historyDays: 3, timeZone: toronto, incidents: [incident])

        let history = try history(site, F.inboundA, now: now)

        #expect(
            history.days.map(\.day) == [
                try F.date("2025-11-01T00:00:00-04:00"), try F.date("2025-11-02T00:00:00-04:00"),
                try F.date("2025-11-03T00:00:00-05:00"),
            ])
        #expect(history.days.map(\.downtimeMinutes) == [720, 1500, 360])
        let elapsed = 24.0 * 60 + 25 * 60 + 12 * 60
        #expect(abs(history.uptimePercent - 100 * (1 - 2580 / elapsed)) < 1e-9)
    }

    @Test func springForwardDayInTorontoHas23Hours() throws {
        let toronto = try #require(TimeZone(identifier: "America/Toronto"))
        let now = try F.date("2025-03-10T12:00:00-04:00")
        let incident = F.incident(
            "i", started: try F.date("2025-03-08T20:00:00-05:00"), affected: [F.hit(F.inboundA, .majorOutage)]
        )
        let site = try F.site(historyDays: 3, timeZone: toronto, incidents: [incident])

        let history = try history(site, F.inboundA, now: now)

        #expect(history.days[1].day == (try F.date("2025-03-09T00:00:00-05:00")))
        #expect(history.days[2].day == (try F.date("2025-03-10T00:00:00-04:00")))
        #expect(history.days.map(\.downtimeMinutes) == [240, 1380, 720])
    }

    @Test func dayWithoutAMidnightStartsAtItsFirstInstant() throws {
        // Santiago skips 2025-09-07 00:00–01:00: that day starts at 01:00 and has 23 hours.
        let santiago = try #require(TimeZone(identifier: "America/Santiago"))
        let now = try F.date("2025-09-08T12:00:00-03:00")
        let incident = F.incident(
            "i", started: try F.date("2025-09-06T12:00:00-04:00"), affected: [F.hit(F.inboundA, .majorOutage)]
        )
        let site = try F.site(historyDays: 3, timeZone: santiago, incidents: [incident])

        let history = try history(site, F.inboundA, now: now)

        #expect(
            history.days.map(\.day) == [
                try F.date("2025-09-06T00:00:00-04:00"), try F.date("2025-09-07T01:00:00-03:00"),
                try F.date("2025-09-08T00:00:00-03:00"),
            ])
        #expect(history.days.map(\.downtimeMinutes) == [720, 1380, 720])
    }
}
