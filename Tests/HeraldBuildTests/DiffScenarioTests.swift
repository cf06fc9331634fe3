import Foundation
import Testing

@testable import HeraldChanges
@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

/// The October incident on Cluster A through six builds, diffed one build to the next.
///
/// States come from the model and hand-made statuses (what `StatusDeriver` would say); the
/// build-level scenario through `herald build` is the pipeline's to add.
@Suite struct DiffScenarioTests {
    typealias F = StateFixtures

    static let upgrade = F.maintenance(
        "2025-10-08-cluster-b-upgrade", title: "Cluster B storage upgrade", start: "2025-10-08T02:00:00Z",
        end: "2025-10-08T04:00:00Z", components: ["b/inbound", "b/imap"],
        updates: [
            (at: "2025-10-07T01:00:00Z", status: .scheduled, message: "Mail is queued during the upgrade.")
        ])
    static let resolution = F.Update(
        at: "2025-10-07T03:05:00Z", status: .resolved,
        message: "Service is restored and queued mail delivered.")

    /// The six states, oldest first.
    static let builds: [SiteState] = {
        let slug = F.octoberSlug
        let before = F.state(F.site(), now: "2025-10-06T17:00:00Z")
        let investigating = F.state(
            F.site(incidents: [F.october(updates: [F.investigating])]), now: "2025-10-06T17:45:00Z",
            cells: F.mailboxCells(), phases: [slug: .investigating])
        let identified = F.state(
            F.site(incidents: [F.october(updates: [F.investigating, F.identified])]),
            now: "2025-10-06T19:05:00Z",
            cells: F.mailboxCells(inbound: .majorOutage), phases: [slug: .identified])
        let scheduled = F.state(
            F.site(incidents: [F.october(updates: [F.investigating, F.identified])], maintenance: [upgrade]),
            now: "2025-10-07T01:00:00Z", cells: F.mailboxCells(inbound: .majorOutage),
            phases: [slug: .identified],
            maintenance: [upgrade.slug: .upcoming])
        let resolvedIncident = F.october(
            updates: [F.investigating, F.identified, resolution], resolved: "2025-10-07T03:05:00Z")
        let resolved = F.state(
            F.site(incidents: [resolvedIncident], maintenance: [upgrade]), now: "2025-10-07T03:10:00Z",
            maintenance: [upgrade.slug: .upcoming])
        let inWindow = F.state(
            F.site(incidents: [resolvedIncident], maintenance: [upgrade]), now: "2025-10-08T02:30:00Z",
            cells: [
                "b/inbound": F.Cell(status: .underMaintenance, maintenance: [upgrade.slug]),
                "b/imap": F.Cell(status: .underMaintenance, maintenance: [upgrade.slug]),
            ], maintenance: [upgrade.slug: .active])
        return [before, investigating, identified, scheduled, resolved, inWindow]
    }()

    static func text(_ step: Int) -> String {
        ChangeFormatter.text(StateDiff.diff(from: step == 0 ? nil : builds[step - 1], to: builds[step]))
    }

    @Test func step0BeforeTheIncidentIsAFirstBuild() {
        let changes = StateDiff.diff(from: nil, to: Self.builds[0])
        #expect(changes.previous == nil && changes.isEmpty)
        #expect(Self.text(0) == "")
    }

    @Test func step1Investigating() {
        #expect(
            Self.text(1) == """
                Cluster A / Inbound mail: operational → partial outage (Cluster A email service issues)
                Cluster A / Webmail: operational → partial outage (Cluster A email service issues)
                Cluster A / IMAP: operational → partial outage (Cluster A email service issues)
                Cluster A / POP: operational → partial outage (Cluster A email service issues)
                Cluster A: incident opened: Cluster A email service issues (investigating)

                """)
    }

    @Test func step2IdentifiedWithInboundWorsening() {
        #expect(
            Self.text(2) == """
                Cluster A / Inbound mail: partial outage → major outage (Cluster A email service issues)
                Cluster A: incident updated: Cluster A email service issues (identified)

                """)
    }

    @Test func step3MaintenanceScheduledOnClusterB() {
        #expect(
            Self.text(3) == """
                Cluster B: maintenance scheduled: Cluster B storage upgrade (2025-10-08 02:00–04:00 UTC)

                """)
    }

    @Test func step4Resolved() {
        #expect(
            Self.text(4) == """
                Cluster A / Inbound mail: major outage → operational
                Cluster A / Webmail: partial outage → operational
                Cluster A / IMAP: partial outage → operational
                Cluster A / POP: partial outage → operational
                Cluster A: incident resolved: Cluster A email service issues

                """)
    }

    @Test func step5InsideTheMaintenanceWindow() {
        #expect(
            Self.text(5) == """
                Cluster B / Inbound mail: operational → under maintenance (Cluster B storage upgrade)
                Cluster B / IMAP: operational → under maintenance (Cluster B storage upgrade)
                Cluster B: maintenance started: Cluster B storage upgrade (until 2025-10-08 04:00 UTC)

                """)
    }

    @Test func everyStepRoundTripsThroughStateFiles() throws {
        for (index, state) in Self.builds.enumerated() {
            let decoded = try SiteState.decode(state.encoded())
            #expect(decoded == state, "build \(index)")
            if index > 0 {
                let fromFiles = StateDiff.diff(
                    from: try SiteState.decode(Self.builds[index - 1].encoded()), to: decoded)
                #expect(
                    fromFiles == StateDiff.diff(from: Self.builds[index - 1], to: state), "build \(index)")
            }
        }
    }
}
