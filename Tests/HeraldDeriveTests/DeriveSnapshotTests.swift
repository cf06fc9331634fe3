import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

@Suite struct DeriveSnapshotTests {
    typealias F = DeriveFixture

    @Test func dropsFutureIncidentsAndReferencesToThem() throws {
        let now = F.hours(10)
        let past = F.incident(
            "past", started: F.hours(1), affected: [F.hit(F.inboundA, .partialOutage)],
            related: ["future", "old"])
        let future = F.incident("future", started: F.hours(11), affected: [F.hit(F.inboundA, .majorOutage)])
        let site = try F.site(
            incidents: [future, past],
            maintenances: [
                F.maintenance(
                    "window", start: F.hours(20), end: F.hours(22), components: [F.inboundA],
                    related: ["future", "past"])
            ],
            posts: [F.post("qa", date: F.hours(5), incidents: ["future", "past"])])

        let snapshot = SiteSnapshot.asOf(site, now: now)

        #expect(snapshot.incidents.map(\.slug) == ["past"])
        // "old" is not an incident of this site at all: only references to dropped incidents go.
        #expect(snapshot.incidents.first?.related == ["old"])
        #expect(snapshot.maintenances.first?.related == ["past"])
        #expect(snapshot.posts.first?.incidents == ["past"])
    }

    @Test func dropsFutureUpdatesButKeepsOneExactlyAtNow() throws {
        let now = F.hours(10)
        let incident = F.incident(
            "i", started: F.hours(1), affected: [F.hit(F.inboundA, .partialOutage)],
            updates: [
                F.update(F.hours(2), .identified), F.update(now, .monitoring),
                F.update(now.addingTimeInterval(1), .resolved),
            ])
        let maintenance = F.maintenance(
            "m", start: F.hours(20), end: F.hours(22), components: [F.inboundA],
            updates: [
                F.maintenanceUpdate(F.hours(3), .scheduled), F.maintenanceUpdate(F.hours(20), .inProgress),
            ])

        let snapshot = SiteSnapshot.asOf(
            try F.site(incidents: [incident], maintenances: [maintenance]), now: now)

        #expect(snapshot.incidents.first?.updates.map(\.at) == [F.hours(2), now])
        #expect(snapshot.maintenances.map(\.slug) == ["m"], "upcoming windows are announced ahead")
        #expect(snapshot.maintenances.first?.updates.map(\.status) == [.scheduled])
    }

    @Test func derivedImpactOnlyCountsUpdatesKnownAtNow() throws {
        let worsening = DeriveFixture.update(
            DeriveFixture.hours(3), affected: [DeriveFixture.hit(DeriveFixture.inboundA, .majorOutage)])
        let derived = DeriveFixture.incident(
            "derived", started: DeriveFixture.hours(1),
            affected: [DeriveFixture.hit(DeriveFixture.inboundA, .degradedPerformance)], updates: [worsening])
        var declared = derived
        declared.slug = "declared"
        declared.impact = .major
        declared.impactIsDeclared = true
        let site = try DeriveFixture.site(incidents: [derived, declared])
        #expect(derived.impact == .critical)

        let before = SiteSnapshot.asOf(site, now: DeriveFixture.hours(2))
        #expect(before.incidents.map(\.impact) == [.minor, .major])
        #expect(StatusDeriver.derive(site, now: DeriveFixture.hours(2)).indicator == .major)
        let after = SiteSnapshot.asOf(site, now: DeriveFixture.hours(4))
        #expect(after.incidents.map(\.impact) == [.critical, .major])
    }

    @Test func futureResolutionMeansStillOngoing() throws {
        let resolvedLater = F.incident(
            "later", started: F.hours(1), resolved: F.hours(12), affected: [F.hit(F.inboundA, .majorOutage)])
        let resolvedAtNow = F.incident(
            "at-now", started: F.hours(1), resolved: F.hours(10), affected: [F.hit(F.inboundA, .majorOutage)])

        let snapshot = SiteSnapshot.asOf(
            try F.site(incidents: [resolvedLater, resolvedAtNow]), now: F.hours(10))

        #expect(snapshot.incidents.map(\.resolved) == [nil, F.hours(10)])
    }

    @Test func keptResolvedUpdateResolvesIncidentWithoutResolvedTime() throws {
        let incident = F.incident(
            "i", started: F.hours(1), affected: [F.hit(F.inboundA, .majorOutage)],
            updates: [F.update(F.hours(3), .resolved)])

        #expect(
            SiteSnapshot.asOf(try F.site(incidents: [incident]), now: F.hours(4)).incidents[0].resolved
                == F.hours(3))
        #expect(
            SiteSnapshot.asOf(try F.site(incidents: [incident]), now: F.hours(2)).incidents[0].resolved == nil
        )
    }

    @Test func dropsFuturePostsKeepsOneDatedNow() throws {
        let now = F.hours(10)
        let site = try F.site(posts: [
            F.post("tomorrow", date: F.hours(34)), F.post("now", date: now),
            F.post("yesterday", date: F.hours(-14)),
        ])

        #expect(SiteSnapshot.asOf(site, now: now).posts.map(\.slug) == ["now", "yesterday"])
    }

    @Test func isIdempotentAndLeavesPastContentAlone() throws {
        let site = try F.site(
            incidents: [
                F.incident(
                    "i", started: F.hours(1), resolved: F.hours(3),
                    affected: [F.hit(F.inboundA, .majorOutage)],
                    updates: [F.update(F.hours(2))])
            ],
            posts: [F.post("p", date: F.hours(2), incidents: ["i"])])
        let once = SiteSnapshot.asOf(site, now: F.hours(5))

        #expect(once == site)
        #expect(SiteSnapshot.asOf(once, now: F.hours(5)) == once)
    }
}
