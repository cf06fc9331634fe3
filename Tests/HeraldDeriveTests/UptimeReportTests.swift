import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

/// The uptime formula against figures worked out by hand. Unless said otherwise: UTC, now is
/// 2025-10-06 10:00, so October so far is 5 days 10 hours = 7,800 minutes and September 43,200.
@Suite struct UptimeReportTests {
    typealias F = DeriveFixture

    static let now = F.hours(10)

    func report(_ site: Site, now: Date = Self.now) -> UptimeReport {
        StatusDeriver.derive(site, now: now).uptime
    }

    func figures(_ report: UptimeReport, _ component: ComponentID) throws -> UptimeFigures {
        try #require(report.components[component])
    }

    @Test func monthsAreCalendarMonthsInTheSiteTimeZoneNewestFirst() throws {
        let toronto = try #require(TimeZone(identifier: "America/Toronto"))
        let months = UptimeReportBuilder.months(
            endingWith: try F.date("2025-10-06T19:00:00Z"), in: toronto)

        #expect(months.count == 12)
        #expect(months.map(\.key).prefix(3) == ["2025-10", "2025-09", "2025-08"])
        #expect(months.last?.key == "2024-11")
        #expect(months[0].start == (try F.date("2025-10-01T04:00:00Z")), "midnight in Toronto")
        #expect(months[0].end == (try F.date("2025-10-06T19:00:00Z")), "the current month ends now")
        #expect(months[1].end == months[0].start)
        #expect(months[11].start == (try F.date("2024-11-01T04:00:00Z")))
    }

    @Test func outageAcrossAMonthBoundaryCountsInBothMonths() throws {
        // Major outage 2025-09-30 23:00 → 2025-10-01 01:00: an hour in each month.
        let incident = F.incident(
            "x", started: F.hours(-121), resolved: F.hours(-119), affected: [F.hit(F.inboundA, .majorOutage)])
        let report = report(try F.site(incidents: [incident]))
        let inbound = try figures(report, F.inboundA)

        // October: 100 × (1 − 60 / 7,800) = 99.2307…; September: 100 × (1 − 60 / 43,200) = 99.8611…
        #expect(inbound.months[0].downtimeMinutes == 60 && inbound.months[0].countedMinutes == 7_800)
        #expect(inbound.months[0].percentText == "99.23")
        #expect(inbound.months[1].downtimeMinutes == 60 && inbound.months[1].countedMinutes == 43_200)
        #expect(inbound.months[1].percentText == "99.86")
        #expect(inbound.months[0].incidents == ["x"] && inbound.months[1].incidents == ["x"])
        #expect(inbound.months[2].percentText == "100.00" && inbound.months[2].incidents.isEmpty)
        // Cluster A pools three components: 60 / (3 × 7,800) → 99.7435…
        let cluster = try #require(report.clusters["a"])
        #expect(cluster.months[0].percentText == "99.74")
        #expect(report.clusters["b"]?.months[0].percentText == "100.00")
    }

    @Test func partialOutageInsideAMaintenanceWindowIsNotCounted() throws {
        // Window 2025-10-05 02:00–04:00; partial outage 03:00–05:00, so only 04:00–05:00 counts.
        let window = F.maintenance("m", start: F.hours(-22), end: F.hours(-20), components: [F.inboundA])
        let incident = F.incident(
            "p", started: F.hours(-21), resolved: F.hours(-19), affected: [F.hit(F.inboundA, .partialOutage)])
        let site = try F.site(incidents: [incident], maintenances: [window])
        let october = try figures(report(site), F.inboundA).months[0]

        // Counted 7,800 − 120 = 7,680 min; downtime 0.3 × 60 = 18 min; 100 × (1 − 18 / 7,680) = 99.7656…
        #expect(october.countedMinutes == 7_680)
        #expect(abs(october.downtimeMinutes - 18) < 1e-9)
        #expect(october.percentText == "99.76")
        let bar = try #require(StatusDeriver.derive(site, now: Self.now).history[F.inboundA])
        #expect(abs(bar.days[5].downtimeMinutes - 18) < 1e-9, "the bar counts the same way")

        // Counting maintenance: 7,800 min, 0.3 × 120 = 36 min of downtime → 99.5384…
        var counting = site
        counting.config.uptime.excludesMaintenance = false
        let counted = try figures(report(counting), F.inboundA).months[0]
        #expect(counted.countedMinutes == 7_800 && abs(counted.downtimeMinutes - 36) < 1e-9)
        #expect(counted.percentText == "99.53")
    }

    @Test func incidentStillOpenAtNowCountsUntilNow() throws {
        let incident = F.incident("open", started: F.hours(8), affected: [F.hit(F.inboundA, .majorOutage)])
        let report = report(try F.site(historyDays: 30, incidents: [incident]))
        let inbound = try figures(report, F.inboundA)

        // October: 120 / 7,800 → 98.4615…
        #expect(inbound.months[0].downtimeMinutes == 120)
        #expect(inbound.months[0].percentText == "98.46")
        // The last 30 days: 2025-09-07 00:00 → now, 29 × 1,440 + 600 = 42,360 min → 99.7167…
        #expect(report.rolling.map(\.key) == ["30d", "90d", "365d"])
        #expect(inbound.rolling[0].countedMinutes == 42_360)
        #expect(inbound.rolling[0].percentText == "99.71")
        #expect(inbound.rolling[0].incidents == ["open"])
    }

    @Test func componentAddedMidYearCountsFromItsSince() throws {
        var site = try F.site(incidents: [
            // Before webmail was in service: does not count.
            F.incident(
                "early", started: F.hours(-86), resolved: F.hours(-84),
                affected: [F.hit(F.webmailA, .majorOutage)]),
            F.incident(
                "late", started: F.hours(-48), resolved: F.hours(-47.5),
                affected: [F.hit(F.webmailA, .majorOutage)]),
        ])
        site.config.services[2].since = F.hours(-72)  // 2025-10-03 00:00
        let report = report(site)
        let webmail = try figures(report, F.webmailA)

        // 2025-10-03 00:00 → now: 3 days 10 hours = 4,920 min; 30 min down → 99.3902…
        #expect(webmail.months[0].countedMinutes == 4_920)
        #expect(webmail.months[0].percentText == "99.39")
        #expect(webmail.months[0].incidents == ["late"])
        #expect(webmail.months[1].percentText == nil, "not in service in September")
        // Cluster A: (7,800 + 7,800 + 4,920) min counted, 30 down → 99.8538…
        #expect(report.clusters["a"]?.months[0].percentText == "99.85")
        let bar = try #require(StatusDeriver.derive(site, now: Self.now).history[F.webmailA])
        #expect(bar.days.map(\.inService) == [false, false, false, true, true, true, true])
    }

    @Test func anyDowntimeKeepsTheFigureBelowOneHundred() throws {
        // One minute of partial outage in October: 0.3 / 7,800 → 99.9961…, shown as 99.99.
        let incident = F.incident(
            "blip", started: F.hours(-24), resolved: F.hours(-24 + 1.0 / 60),
            affected: [F.hit(F.inboundA, .partialOutage)])
        let october = try figures(report(try F.site(incidents: [incident])), F.inboundA).months[0]

        #expect(october.percentText == "99.99")
        #expect(UptimeTally(countedSeconds: 1e9, downtimeSeconds: 1e-3).percentText == "99.99")
        #expect(UptimeTally(countedSeconds: 60).percentText == "100.00")
        #expect(UptimeTally(countedSeconds: 20_000, downtimeSeconds: 10).percentText == "99.95")
    }

    @Test func weightsComeFromThePolicy() throws {
        let incident = F.incident(
            "d", started: F.hours(-24), resolved: F.hours(-23),
            affected: [F.hit(F.inboundA, .degradedPerformance)]
        )
        var site = try F.site(incidents: [incident])
        #expect(try figures(report(site), F.inboundA).months[0].percentText == "100.00")

        site.config.uptime.degradedPerformance = 0.5
        let october = try figures(report(site), F.inboundA).months[0]
        #expect(october.downtimeMinutes == 30 && october.incidents == ["d"])
    }

    @Test func theBarOfNDaysShowsTheReportsFigureForNDays() throws {
        let incident = F.incident(
            "x", started: F.hours(-300), resolved: F.hours(-290),
            affected: [F.hit(F.inboundA, .partialOutage)])
        let site = try F.site(historyDays: 30, incidents: [incident])
        let status = StatusDeriver.derive(site, now: Self.now)
        let bar = try #require(status.history[F.inboundA])

        #expect(bar.tally == status.uptime.components[F.inboundA]?.rolling[0])
        #expect(bar.tally.percentText == "99.57")  // 0.3 × 600 / 42,360 → 99.5750…
        let barMinutes = bar.days.reduce(0) { $0 + $1.downtimeMinutes }
        #expect(abs(barMinutes - 180) < 1e-9)
    }
}
