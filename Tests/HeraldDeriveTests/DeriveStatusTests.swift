import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

@Suite struct DeriveStatusTests {
    typealias F = DeriveFixture

    @Test func noIncidentsMeansAllOperational() throws {
        let status = StatusDeriver.derive(try F.site(), now: F.hours(10))

        #expect(try status.components.map(\.component) == F.config().components)
        #expect(status.components.allSatisfy { $0.status == .operational && $0.incidents.isEmpty })
        #expect(status.clusters == ["a": .operational, "b": .operational])
        #expect(status.indicator == .none)
        #expect(status.activeIncidents.isEmpty)
    }

    @Test func oneOngoingIncident() throws {
        let incident = F.incident(
            "email", started: F.hours(1),
            affected: [F.hit(F.inboundA, .partialOutage), F.hit(F.webmailA, .degradedPerformance)],
            updates: [F.update(F.hours(2), .identified)])

        let status = StatusDeriver.derive(try F.site(incidents: [incident]), now: F.hours(3))

        #expect(try F.state(status, F.inboundA).status == .partialOutage)
        #expect(try F.state(status, F.inboundA).incidents == ["email"])
        #expect(try F.state(status, F.webmailA).status == .degradedPerformance)
        #expect(try F.state(status, F.outboundA).status == .operational)
        #expect(try F.state(status, F.outboundA).incidents.isEmpty)
        #expect(status.clusters == ["a": .partialOutage, "b": .operational])
        #expect(status.indicator == .major)
        #expect(status.activeIncidents == ["email"])
        #expect(status.incidentPhases == ["email": .identified])
    }

    @Test func updateExactlyAtNowCountsAndOneSecondLaterDoesNot() throws {
        let now = F.hours(5)
        let atNow = F.incident(
            "i", started: F.hours(1), affected: [F.hit(F.inboundA, .partialOutage)],
            updates: [F.update(now, .monitoring, affected: [F.hit(F.inboundA, .degradedPerformance)])])
        let afterNow = F.incident(
            "i", started: F.hours(1), affected: [F.hit(F.inboundA, .partialOutage)],
            updates: [
                F.update(
                    now.addingTimeInterval(1), .monitoring,
                    affected: [F.hit(F.inboundA, .degradedPerformance)])
            ])

        let counted = StatusDeriver.derive(try F.site(incidents: [atNow]), now: now)
        let ignored = StatusDeriver.derive(try F.site(incidents: [afterNow]), now: now)

        #expect(try F.state(counted, F.inboundA).status == .degradedPerformance)
        #expect(counted.incidentPhases["i"] == .monitoring)
        #expect(try F.state(ignored, F.inboundA).status == .partialOutage)
        #expect(ignored.incidentPhases["i"] == .investigating)
    }

    @Test func incidentStartingExactlyAtNowIsActive() throws {
        let now = F.hours(5)
        let incident = F.incident("i", started: now, affected: [F.hit(F.inboundA, .majorOutage)])

        let status = StatusDeriver.derive(try F.site(incidents: [incident]), now: now)

        #expect(status.activeIncidents == ["i"])
        #expect(try F.state(status, F.inboundA).status == .majorOutage)
        #expect(status.indicator == .critical)
    }

    @Test func incidentResolvedExactlyAtNowIsNotActive() throws {
        let now = F.hours(5)
        let incident = F.incident(
            "i", started: F.hours(1), resolved: now, affected: [F.hit(F.inboundA, .majorOutage)])

        let status = StatusDeriver.derive(try F.site(incidents: [incident]), now: now)

        #expect(status.activeIncidents.isEmpty)
        #expect(try F.state(status, F.inboundA).status == .operational)
        #expect(status.indicator == .none)
        #expect(status.incidentPhases["i"] == .resolved)
        #expect(status.incidentImpacts["i"] == [])
        #expect(
            status.incidentHistories["i"] == [
                AffectedComponent(
                    component: F.inboundA, worst: .majorOutage, current: .operational, impaired: 4 * 3600)
            ])
    }

    @Test func futureIncidentIsIgnoredByDerive() throws {
        let incident = F.incident("later", started: F.hours(6), affected: [F.hit(F.inboundA, .majorOutage)])
        let site = try F.site(incidents: [incident])

        let status = StatusDeriver.derive(site, now: F.hours(5))

        #expect(status == StatusDeriver.derive(SiteSnapshot.asOf(site, now: F.hours(5)), now: F.hours(5)))
        #expect(status.incidentPhases["later"] == nil)
        #expect(status.indicator == .none)
    }

    @Test func maintenanceStartingExactlyAtNowIsActive() throws {
        let now = F.hours(5)
        let window = F.maintenance("m", start: now, end: F.hours(7), components: [F.inboundB])

        let status = StatusDeriver.derive(try F.site(maintenances: [window]), now: now)

        #expect(status.maintenanceStates == ["m": .active])
        #expect(try F.state(status, F.inboundB).status == .underMaintenance)
        #expect(try F.state(status, F.inboundB).maintenances == ["m"])
        #expect(status.clusters["b"] == .underMaintenance)
        #expect(status.indicator == .maintenance)
    }

    @Test func maintenanceEndingExactlyAtNowIsCompleted() throws {
        let now = F.hours(5)
        let window = F.maintenance("m", start: F.hours(3), end: now, components: [F.inboundB])

        let status = StatusDeriver.derive(try F.site(maintenances: [window]), now: now)

        #expect(status.maintenanceStates == ["m": .completed])
        #expect(try F.state(status, F.inboundB).status == .operational)
        #expect(status.indicator == .none)
    }

    @Test func maintenanceStates() throws {
        let now = F.hours(5)
        let site = try F.site(maintenances: [
            F.maintenance("upcoming", start: F.hours(6), end: F.hours(7), components: [F.inboundB]),
            F.maintenance("done", start: F.hours(1), end: F.hours(2), components: [F.inboundB]),
            F.maintenance(
                "called-off", start: F.hours(4), end: F.hours(6), cancelled: true, components: [F.inboundB]),
        ])

        let status = StatusDeriver.derive(site, now: now)

        #expect(
            status.maintenanceStates == ["upcoming": .upcoming, "done": .completed, "called-off": .cancelled])
    }

    @Test func cancelledMaintenanceIsNeverActive() throws {
        let window = F.maintenance(
            "m", start: F.hours(4), end: F.hours(6), cancelled: true, components: [F.inboundB])
        let site = try F.site(maintenances: [window])

        for now in [F.hours(3), F.hours(4), F.hours(5), F.hours(6)] {
            let status = StatusDeriver.derive(site, now: now)
            #expect(status.maintenanceStates["m"] == .cancelled)
            #expect(try F.state(status, F.inboundB).status == .operational)
            #expect(status.indicator == .none)
        }
        let history = try #require(StatusDeriver.derive(site, now: F.hours(7)).history[F.inboundB])
        #expect(history.days.allSatisfy { $0.worst == .operational })
    }

    @Test func worstOfSeveralIncidentsWinsAndSurvivesTheOtherResolving() throws {
        let minor = F.incident(
            "slow", started: F.hours(1), affected: [F.hit(F.inboundA, .degradedPerformance)])
        let major = F.incident(
            "down", started: F.hours(2), resolved: F.hours(4), affected: [F.hit(F.inboundA, .majorOutage)])
        let site = try F.site(incidents: [major, minor])

        let during = StatusDeriver.derive(site, now: F.hours(3))
        let after = StatusDeriver.derive(site, now: F.hours(5))

        #expect(try F.state(during, F.inboundA).status == .majorOutage)
        #expect(try F.state(during, F.inboundA).incidents == ["down", "slow"])
        #expect(during.activeIncidents == ["down", "slow"])
        #expect(during.indicator == .critical)
        #expect(try F.state(after, F.inboundA).status == .degradedPerformance)
        #expect(try F.state(after, F.inboundA).incidents == ["slow"])
        #expect(after.indicator == .minor)
    }

    @Test func causesAreOrderedWorstFirstThenNewest() throws {
        let site = try F.site(incidents: [
            F.incident("old-partial", started: F.hours(1), affected: [F.hit(F.inboundA, .partialOutage)]),
            F.incident("new-partial", started: F.hours(2), affected: [F.hit(F.inboundA, .partialOutage)]),
            F.incident(
                "newest-degraded", started: F.hours(3), affected: [F.hit(F.inboundA, .degradedPerformance)]),
        ])

        let status = StatusDeriver.derive(site, now: F.hours(4))

        #expect(
            try F.state(status, F.inboundA).incidents == ["new-partial", "old-partial", "newest-degraded"])
        #expect(status.activeIncidents == ["newest-degraded", "new-partial", "old-partial"])
    }

    @Test func perUpdateAffectedWorsensThenImproves() throws {
        let incident = F.incident(
            "i", started: F.hours(1), affected: [F.hit(F.inboundA, .degradedPerformance)],
            updates: [
                F.update(F.hours(2), .identified, affected: [F.hit(F.inboundA, .majorOutage)]),
                F.update(F.hours(3), .identified),  // no affected: keeps major outage
                F.update(F.hours(4), .monitoring, affected: [F.hit(F.inboundA, .partialOutage)]),
            ])
        let site = try F.site(incidents: [incident])

        let statuses = try [1.5, 2, 3.5, 4, 5].map {
            try F.state(StatusDeriver.derive(site, now: F.hours($0)), F.inboundA).status
        }

        #expect(
            statuses == [.degradedPerformance, .majorOutage, .majorOutage, .partialOutage, .partialOutage])
    }

    @Test func componentLeftOutOfLaterUpdateIsBackToOperational() throws {
        let incident = F.incident(
            "i", started: F.hours(1),
            affected: [F.hit(F.inboundA, .partialOutage), F.hit(F.webmailA, .partialOutage)],
            updates: [F.update(F.hours(2), .monitoring, affected: [F.hit(F.inboundA, .degradedPerformance)])])

        let status = StatusDeriver.derive(try F.site(incidents: [incident]), now: F.hours(3))

        #expect(try F.state(status, F.webmailA).status == .operational)
        #expect(try F.state(status, F.webmailA).incidents.isEmpty)
        #expect(try F.state(status, F.inboundA).status == .degradedPerformance)
        #expect(status.incidentImpacts["i"] == [F.hit(F.inboundA, .degradedPerformance)])
    }

    @Test func indicatorFollowsImpactNotComponentStatus() throws {
        // Declared impact wins over the one the statuses would suggest.
        let declared = F.incident(
            "i", started: F.hours(1), impact: .critical, affected: [F.hit(F.inboundA, .degradedPerformance)])
        let status = StatusDeriver.derive(try F.site(incidents: [declared]), now: F.hours(2))

        #expect(status.indicator == .critical)
    }

    @Test func incidentWithImpactNoneLeavesMaintenanceIndicator() throws {
        let harmless = F.incident(
            "i", started: F.hours(1), impact: Impact.none, affected: [F.hit(F.inboundA, .degradedPerformance)]
        )
        let window = F.maintenance("m", start: F.hours(1), end: F.hours(3), components: [F.inboundB])

        let withWindow = StatusDeriver.derive(
            try F.site(incidents: [harmless], maintenances: [window]), now: F.hours(2))
        let alone = StatusDeriver.derive(try F.site(incidents: [harmless]), now: F.hours(2))

        #expect(withWindow.indicator == .maintenance)
        #expect(alone.indicator == .none)
        #expect(try F.state(alone, F.inboundA).status == .degradedPerformance)
    }

    @Test func incidentBeatsMaintenanceInIndicatorAndStatus() throws {
        let incident = F.incident(
            "i", started: F.hours(1), affected: [F.hit(F.inboundB, .degradedPerformance)])
        let window = F.maintenance(
            "m", start: F.hours(1), end: F.hours(3), components: [F.inboundB, F.outboundB])

        let status = StatusDeriver.derive(
            try F.site(incidents: [incident], maintenances: [window]), now: F.hours(2))

        #expect(status.indicator == .minor)
        #expect(try F.state(status, F.inboundB).status == .degradedPerformance)
        #expect(try F.state(status, F.inboundB).incidents == ["i"])
        #expect(try F.state(status, F.inboundB).maintenances == ["m"])
        #expect(try F.state(status, F.outboundB).status == .underMaintenance)
    }

    @Test func incidentThatNoLongerAffectsAnythingDoesNotRaiseIndicator() throws {
        let incident = F.incident(
            "i", started: F.hours(1), affected: [F.hit(F.inboundA, .majorOutage)],
            updates: [F.update(F.hours(2), .monitoring, affected: [])])

        let status = StatusDeriver.derive(try F.site(incidents: [incident]), now: F.hours(3))

        #expect(status.activeIncidents == ["i"], "still open while monitoring")
        #expect(status.indicator == .none)
        #expect(status.incidentImpacts["i"] == [])
    }

    /// The example's bug: a narrower late `affected` replaced the history of what was affected.
    @Test func aResolvedIncidentListsEveryComponentWithItsWorstStatusAndImpairedTime() throws {
        let incident = F.incident(
            "i", started: F.hours(1), resolved: F.hours(4),
            affected: [F.hit(F.inboundA, .partialOutage), F.hit(F.webmailA, .partialOutage)],
            updates: [
                F.update(F.hours(2), .identified, affected: [F.hit(F.inboundA, .majorOutage)]),
                F.update(F.hours(3), .monitoring, affected: [F.hit(F.inboundA, .degradedPerformance)]),
                F.update(F.hours(4), .resolved, affected: []),
            ])

        let status = StatusDeriver.derive(try F.site(incidents: [incident]), now: F.hours(5))

        #expect(status.incidentImpacts["i"] == [])
        #expect(status.incidentPhases["i"] == .resolved)
        #expect(
            status.incidentHistories["i"] == [
                AffectedComponent(
                    component: F.inboundA, worst: .majorOutage, current: .operational, impaired: 3 * 3600),
                AffectedComponent(
                    component: F.webmailA, worst: .partialOutage, current: .operational, impaired: 3600),
            ])
    }

    /// While open, what is impaired now comes first, with since when; recovered ones follow.
    @Test func anOngoingIncidentListsTheCurrentImpactFirst() throws {
        let incident = F.incident(
            "i", started: F.hours(1), affected: [F.hit(F.webmailA, .partialOutage)],
            updates: [F.update(F.hours(2), .identified, affected: [F.hit(F.inboundA, .majorOutage)])])

        let history = StatusDeriver.derive(try F.site(incidents: [incident]), now: F.hours(4))
            .incidentHistories["i"]

        #expect(
            history == [
                AffectedComponent(
                    component: F.inboundA, worst: .majorOutage, current: .majorOutage, impaired: 2 * 3600,
                    impairedSince: F.hours(2)),
                AffectedComponent(
                    component: F.webmailA, worst: .partialOutage, current: .operational, impaired: 3600),
            ])
    }

    /// A reopened incident: the resolved stretch counts as operational, and the incident is open again.
    @Test func aReopenedIncidentIsOngoingAndItsResolvedStretchIsNotImpaired() throws {
        var reopening = F.update(F.hours(3), .investigating, affected: [F.hit(F.inboundA, .partialOutage)])
        reopening.reopens = true
        let incident = F.incident(
            "i", started: F.hours(1), affected: [F.hit(F.inboundA, .majorOutage)],
            updates: [F.update(F.hours(2), .resolved), reopening])
        let site = try F.site(incidents: [incident])

        let between = StatusDeriver.derive(site, now: F.hours(2.5))
        #expect(between.activeIncidents.isEmpty)
        #expect(between.incidentPhases["i"] == .resolved)
        let after = StatusDeriver.derive(site, now: F.hours(4))
        #expect(after.activeIncidents == ["i"])
        #expect(after.incidentPhases["i"] == .investigating)
        #expect(try F.state(after, F.inboundA).status == .partialOutage)
        #expect(
            after.incidentHistories["i"] == [
                AffectedComponent(
                    component: F.inboundA, worst: .majorOutage, current: .partialOutage, impaired: 2 * 3600,
                    impairedSince: F.hours(3))
            ])
    }
}
