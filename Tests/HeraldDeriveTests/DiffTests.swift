import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

/// `kind cluster subject` strings, compact enough to compare whole diffs.
private func summary(_ changes: StateChanges) -> [String] {
    changes.changes.map { change in
        let subject =
            change.kind == .componentStatus
            ? "\(change.service ?? "") \(change.from?.slug ?? "")→\(change.to?.slug ?? "")"
            : change.incident ?? change.maintenance ?? ""
        return "\(change.kind.rawValue) \(change.audience.rawValue) \(change.cluster) \(subject)"
    }
}

@Suite struct DiffIncidentTests {
    typealias F = StateFixtures

    static let quiet = F.state(F.site(), now: "2025-10-06T17:00:00Z")

    static func investigating(now: String = "2025-10-06T18:00:00Z") -> SiteState {
        F.state(
            F.site(incidents: [F.october(updates: [F.investigating])]), now: now, cells: F.mailboxCells(),
            phases: [F.octoberSlug: .investigating])
    }

    static func identified(now: String = "2025-10-06T19:30:00Z", inbound: ComponentStatus = .majorOutage)
        -> SiteState
    {
        F.state(
            F.site(incidents: [F.october(updates: [F.investigating, F.identified])]), now: now,
            cells: F.mailboxCells(inbound: inbound), phases: [F.octoberSlug: .identified])
    }

    @Test func firstBuildHasNoPreviousAndNoChanges() {
        let changes = StateDiff.diff(from: nil, to: Self.investigating())
        #expect(changes.previous == nil)
        #expect(changes.now == Fixture.date("2025-10-06T18:00:00Z"))
        #expect(changes.changes.isEmpty)
        #expect(String(decoding: changes.encoded(), as: UTF8.self).contains("\"previous\" : null"))
    }

    @Test func nothingChanged() {
        let state = Self.investigating()
        let later = Self.investigating(now: "2025-10-06T18:30:00Z")
        let changes = StateDiff.diff(from: state, to: later)
        #expect(changes.previous == Fixture.date("2025-10-06T18:00:00Z"))
        #expect(changes.now == Fixture.date("2025-10-06T18:30:00Z"))
        #expect(changes.isEmpty)
    }

    @Test func incidentOpenedChangesItsComponentsWithItAsCause() throws {
        let changes = StateDiff.diff(from: Self.quiet, to: Self.investigating())
        #expect(
            summary(changes) == [
                "component-status emergency a inbound operational→partial-outage",
                "component-status emergency a webmail operational→partial-outage",
                "component-status emergency a imap operational→partial-outage",
                "component-status emergency a pop operational→partial-outage",
                "incident-opened emergency a 2025-10-06-cluster-a-email",
            ])
        let first = try #require(changes.changes.first)
        #expect(first.clusterName == "Cluster A")
        #expect(first.serviceName == "Inbound mail")
        #expect(
            first.causes == [
                ChangeCause(
                    kind: .incident, slug: F.octoberSlug, title: F.octoberTitle,
                    url: "https://status.example.com/incidents/2025-10-06-cluster-a-email/")
            ])
        let opened = try #require(changes.changes.last)
        #expect(opened.title == F.octoberTitle)
        #expect(opened.status == "investigating")
        #expect(opened.impact == .major)
        #expect(
            opened.update?.message == "Resellers on Cluster A report failed logins to webmail, POP and IMAP.")
    }

    /// Per-update `affected`: inbound worsens with one update and improves with the next.
    @Test func componentWorseningThenImprovingWithinOneIncident() {
        let worse = Self.identified()
        let better = F.state(
            F.site(
                incidents: [
                    F.october(updates: [
                        F.investigating, F.identified,
                        F.Update(
                            at: "2025-10-06T21:00:00Z", status: .monitoring,
                            message: "Inbound mail is flowing again.",
                            affected: [("a/inbound", .degradedPerformance)]),
                    ])
                ]),
            now: "2025-10-06T21:30:00Z",
            cells: ["a/inbound": F.Cell(status: .degradedPerformance, incidents: [F.octoberSlug])],
            phases: [F.octoberSlug: .monitoring])
        #expect(
            summary(StateDiff.diff(from: Self.investigating(), to: worse)) == [
                "component-status emergency a inbound partial-outage→major-outage",
                "incident-updated emergency a 2025-10-06-cluster-a-email",
            ])
        #expect(
            summary(StateDiff.diff(from: worse, to: better)) == [
                "component-status emergency a inbound major-outage→degraded-performance",
                "component-status emergency a webmail partial-outage→operational",
                "component-status emergency a imap partial-outage→operational",
                "component-status emergency a pop partial-outage→operational",
                "incident-updated emergency a 2025-10-06-cluster-a-email",
            ])
    }

    @Test func editingAnUpdateTextIsNotANewUpdate() {
        var edited = F.investigating
        edited.message = "Resellers on Cluster A report failed logins (typo fixed)."
        let after = F.state(
            F.site(incidents: [F.october(updates: [edited])]), now: "2025-10-06T18:10:00Z",
            cells: F.mailboxCells(),
            phases: [F.octoberSlug: .investigating])
        #expect(StateDiff.diff(from: Self.investigating(), to: after).isEmpty)
    }

    @Test func resolvedIncidentReportsItsLastUpdateAndComponentsRecover() throws {
        let resolution = F.Update(
            at: "2025-10-07T03:05:00Z", status: .resolved, message: "All queued mail is delivered.")
        let resolved = F.state(
            F.site(incidents: [
                F.october(
                    updates: [F.investigating, F.identified, resolution], resolved: "2025-10-07T03:05:00Z")
            ]),
            now: "2025-10-07T03:10:00Z")
        let changes = StateDiff.diff(from: Self.identified(), to: resolved)
        #expect(
            summary(changes) == [
                "component-status emergency a inbound major-outage→operational",
                "component-status emergency a webmail partial-outage→operational",
                "component-status emergency a imap partial-outage→operational",
                "component-status emergency a pop partial-outage→operational",
                "incident-resolved emergency a 2025-10-06-cluster-a-email",
            ])
        #expect(changes.changes[0].causes == [])
        let last = try #require(changes.changes.last)
        #expect(last.status == "resolved")
        #expect(last.update?.message == "All queued mail is delivered.")
    }

    /// Two incidents on one component; one resolves: the other keeps the component down.
    @Test func oneOfTwoIncidentsOnAComponentResolves() {
        let other = F.incident(
            "imap-certificates", title: "IMAP certificate warnings", started: "2025-10-06T17:50:00Z",
            affected: [("a/imap", .degradedPerformance)])
        let bothOpen = F.state(
            F.site(incidents: [F.october(updates: [F.investigating]), other]), now: "2025-10-06T18:00:00Z",
            cells: [
                "a/imap": F.Cell(status: .partialOutage, incidents: [F.octoberSlug, "imap-certificates"])
            ],
            phases: [F.octoberSlug: .investigating, "imap-certificates": .investigating],
            impacts: ["imap-certificates": [("a/imap", .degradedPerformance)]])
        let resolvedOther = F.incident(
            "imap-certificates", title: "IMAP certificate warnings", started: "2025-10-06T17:50:00Z",
            resolved: "2025-10-06T18:20:00Z", affected: [("a/imap", .degradedPerformance)])
        let oneOpen = F.state(
            F.site(incidents: [F.october(updates: [F.investigating]), resolvedOther]),
            now: "2025-10-06T18:30:00Z",
            cells: ["a/imap": F.Cell(status: .partialOutage, incidents: [F.octoberSlug])],
            phases: [F.octoberSlug: .investigating])
        #expect(oneOpen.components[3].status == .partialOutage)
        #expect(
            summary(StateDiff.diff(from: bothOpen, to: oneOpen)) == [
                "incident-resolved emergency a imap-certificates"
            ])
    }

    @Test func incidentReopenedAfterResolution() {
        let resolvedIncident = F.october(updates: [F.investigating], resolved: "2025-10-06T20:00:00Z")
        let resolved = F.state(F.site(incidents: [resolvedIncident]), now: "2025-10-06T20:30:00Z")
        #expect(resolved.resolvedIncidents.map(\.slug) == [F.octoberSlug])
        let reopened = F.state(
            F.site(
                incidents: [
                    F.october(updates: [
                        F.investigating,
                        F.Update(
                            at: "2025-10-06T21:00:00Z", status: .investigating,
                            message: "The problem is back."),
                    ])
                ]),
            now: "2025-10-06T21:10:00Z", cells: F.mailboxCells(), phases: [F.octoberSlug: .investigating])
        let changes = StateDiff.diff(from: resolved, to: reopened)
        #expect(summary(changes).last == "incident-reopened emergency a 2025-10-06-cluster-a-email")
        #expect(changes.changes.last?.update?.message == "The problem is back.")
        #expect(changes.changes.count == 5)
    }

    /// An incident on both clusters reaches both clusters' contacts.
    @Test func incidentOnTwoClustersIsReportedToEach() {
        let incident = F.incident(
            "webmail-login", title: "Webmail logins fail", started: "2025-10-06T17:30:00Z",
            affected: [("b/webmail", .majorOutage), ("a/webmail", .majorOutage)])
        let open = F.state(
            F.site(incidents: [incident]), now: "2025-10-06T18:00:00Z",
            cells: [
                "a/webmail": F.Cell(status: .majorOutage, incidents: ["webmail-login"]),
                "b/webmail": F.Cell(status: .majorOutage, incidents: ["webmail-login"]),
            ], phases: ["webmail-login": .investigating])
        #expect(
            summary(StateDiff.diff(from: Self.quiet, to: open)) == [
                "component-status emergency a webmail operational→major-outage",
                "incident-opened emergency a webmail-login",
                "component-status emergency b webmail operational→major-outage",
                "incident-opened emergency b webmail-login",
            ])
    }

    /// A renamed slug is the old incident resolved (removed) and a new one opened.
    @Test func renamedSlugIsResolvedPlusOpened() {
        var renamed = F.october(updates: [F.investigating])
        renamed.slug = "cluster-a-email-2025-10"
        let after = F.state(
            F.site(incidents: [renamed]), now: "2025-10-06T18:10:00Z",
            cells: F.mailboxCells(slug: "cluster-a-email-2025-10"),
            phases: ["cluster-a-email-2025-10": .investigating])
        #expect(
            summary(StateDiff.diff(from: Self.investigating(), to: after)) == [
                "incident-opened emergency a cluster-a-email-2025-10",
                "incident-resolved emergency a 2025-10-06-cluster-a-email",
            ])
    }
}

@Suite struct DiffMaintenanceTests {
    typealias F = StateFixtures

    static let window = F.maintenance(
        "cluster-b-upgrade", title: "Cluster B storage upgrade", start: "2025-10-08T02:00:00Z",
        end: "2025-10-08T04:00:00Z", components: ["b/inbound", "b/imap"])
    static let maintenanceCells = [
        "b/inbound": F.Cell(status: .underMaintenance, maintenance: ["cluster-b-upgrade"]),
        "b/imap": F.Cell(status: .underMaintenance, maintenance: ["cluster-b-upgrade"]),
    ]

    static func state(
        _ window: Maintenance = window, now: String, _ status: MaintenanceState, cells: [String: F.Cell] = [:]
    ) -> SiteState {
        F.state(F.site(maintenance: [window]), now: now, cells: cells, maintenance: [window.slug: status])
    }

    static let upcoming = state(now: "2025-10-07T12:00:00Z", .upcoming)
    static let active = state(now: "2025-10-08T02:00:00Z", .active, cells: maintenanceCells)

    @Test func scheduled() throws {
        let changes = StateDiff.diff(from: F.state(F.site(), now: "2025-10-07T11:00:00Z"), to: Self.upcoming)
        #expect(summary(changes) == ["maintenance-scheduled maintenance b cluster-b-upgrade"])
        let change = try #require(changes.changes.first)
        #expect(
            change.window
                == StateWindow(
                    start: Fixture.date("2025-10-08T02:00:00Z"), end: Fixture.date("2025-10-08T04:00:00Z")))
        #expect(change.url == "https://status.example.com/maintenance/cluster-b-upgrade/")
        #expect(change.clusterName == "Cluster B")
    }

    /// The window starts exactly at `now`: the derived state says active, the diff says started.
    @Test func startedExactlyAtNow() {
        #expect(
            summary(StateDiff.diff(from: Self.upcoming, to: Self.active)) == [
                "component-status maintenance b inbound operational→under-maintenance",
                "component-status maintenance b imap operational→under-maintenance",
                "maintenance-started maintenance b cluster-b-upgrade",
            ])
    }

    @Test func completedWhileStillListed() {
        let completed = Self.state(now: "2025-10-08T04:00:00Z", .completed)
        #expect(
            summary(StateDiff.diff(from: Self.active, to: completed)) == [
                "component-status maintenance b inbound under-maintenance→operational",
                "component-status maintenance b imap under-maintenance→operational",
                "maintenance-completed maintenance b cluster-b-upgrade",
            ])
    }

    @Test func completedAndAgedOutOrRemoved() {
        let muchLater = F.state(F.site(), now: "2025-10-20T00:00:00Z")
        #expect(
            summary(StateDiff.diff(from: Self.active, to: muchLater)).last
                == "maintenance-completed maintenance b cluster-b-upgrade")
        // Upcoming, then gone after its end: it ran.
        #expect(
            summary(StateDiff.diff(from: Self.upcoming, to: muchLater)) == [
                "maintenance-completed maintenance b cluster-b-upgrade"
            ])
    }

    @Test func cancelledByFlagOrByRemovingTheFile() {
        var calledOff = Self.window
        calledOff.cancelled = true
        let cancelled = Self.state(calledOff, now: "2025-10-07T13:00:00Z", .cancelled)
        #expect(
            summary(StateDiff.diff(from: Self.upcoming, to: cancelled)) == [
                "maintenance-cancelled maintenance b cluster-b-upgrade"
            ])
        let removed = F.state(F.site(), now: "2025-10-07T13:00:00Z")
        #expect(
            summary(StateDiff.diff(from: Self.upcoming, to: removed)) == [
                "maintenance-cancelled maintenance b cluster-b-upgrade"
            ])
        // Still cancelled at the next build: nothing new.
        #expect(
            StateDiff.diff(
                from: cancelled, to: Self.state(calledOff, now: "2025-10-07T14:00:00Z", .cancelled)
            ).isEmpty)
    }

    @Test func rescheduled() throws {
        var moved = Self.window
        moved.start = F.time("2025-10-09T02:00:00Z")
        moved.end = F.time("2025-10-09T05:00:00Z")
        let changes = StateDiff.diff(
            from: Self.upcoming, to: Self.state(moved, now: "2025-10-07T13:00:00Z", .upcoming))
        #expect(summary(changes) == ["maintenance-rescheduled maintenance b cluster-b-upgrade"])
        let change = try #require(changes.changes.first)
        #expect(
            change.previousWindow
                == StateWindow(
                    start: Fixture.date("2025-10-08T02:00:00Z"), end: Fixture.date("2025-10-08T04:00:00Z")))
        #expect(
            change.window
                == StateWindow(
                    start: Fixture.date("2025-10-09T02:00:00Z"), end: Fixture.date("2025-10-09T05:00:00Z")))
    }

    /// Clusters in site order, emergency before maintenance, component changes before events.
    @Test func changesAreSortedByClusterAudienceKindAndComponent() {
        let incident = F.october(updates: [F.investigating])
        let before = F.state(
            F.site(incidents: [incident], maintenance: [Self.window]), now: "2025-10-08T01:00:00Z",
            maintenance: [Self.window.slug: .upcoming])
        let after = F.state(
            F.site(incidents: [incident], maintenance: [Self.window]), now: "2025-10-08T02:00:00Z",
            cells: F.mailboxCells().merging(Self.maintenanceCells) { first, _ in first },
            phases: [F.octoberSlug: .investigating], maintenance: [Self.window.slug: .active])
        let lines = summary(StateDiff.diff(from: before, to: after))
        #expect(
            lines == [
                "component-status emergency a inbound operational→partial-outage",
                "component-status emergency a webmail operational→partial-outage",
                "component-status emergency a imap operational→partial-outage",
                "component-status emergency a pop operational→partial-outage",
                "incident-opened emergency a 2025-10-06-cluster-a-email",
                "component-status maintenance b inbound operational→under-maintenance",
                "component-status maintenance b imap operational→under-maintenance",
                "maintenance-started maintenance b cluster-b-upgrade",
            ])
    }

    @Test func filteringByAudienceAndCluster() {
        let changes = StateDiff.diff(from: Self.upcoming, to: Self.active)
        #expect(changes.filtered(audience: .emergency, cluster: nil).isEmpty)
        #expect(changes.filtered(audience: .maintenance, cluster: "b").changes.count == 3)
        #expect(changes.filtered(audience: nil, cluster: "a").isEmpty)
    }
}
