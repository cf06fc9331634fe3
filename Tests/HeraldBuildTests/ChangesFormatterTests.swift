import Foundation
import Testing

@testable import HeraldChanges
@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

@Suite struct ChangesFormatterTests {
    typealias F = StateFixtures

    /// Build 2 → 3 of the scenario plus build 1 → 2, in one diff: one cluster each audience.
    static let changes: StateChanges = {
        var after = DiffScenarioTests.builds[3]
        after.now = Fixture.date("2025-10-07T01:00:00Z")
        return StateDiff.diff(from: DiffScenarioTests.builds[1], to: after)
    }()

    @Test func textIsOneLineAChange() {
        #expect(
            ChangeFormatter.text(Self.changes) == """
                Cluster A / Inbound mail: partial outage → major outage (Cluster A email service issues)
                Cluster A: incident updated: Cluster A email service issues (identified)
                Cluster B: maintenance scheduled: Cluster B storage upgrade (2025-10-08 02:00–04:00 UTC)

                """)
    }

    @Test func markdownGroupsByClusterAndAudienceWithLinks() {
        #expect(
            ChangeFormatter.markdown(Self.changes) == """
                # Status changes

                Changes since 2025-10-06 17:45 UTC, as of 2025-10-07 01:00 UTC.

                ## Cluster A

                ### Emergency

                - **Inbound mail:** partial outage → major outage ([Cluster A email service issues](https://status.example.com/incidents/2025-10-06-cluster-a-email/))
                - **Incident updated:** [Cluster A email service issues](https://status.example.com/incidents/2025-10-06-cluster-a-email/) (identified)

                  > Latest update, 2025-10-06 19:00 UTC:
                  >
                  > We found the cause. Inbound mail is queued; no mail is lost.

                ## Cluster B

                ### Maintenance

                - **Maintenance scheduled:** [Cluster B storage upgrade](https://status.example.com/maintenance/2025-10-08-cluster-b-upgrade/) (2025-10-08 02:00–04:00 UTC)

                  > Latest update, 2025-10-07 01:00 UTC:
                  >
                  > Mail is queued during the upgrade.

                """)
    }

    @Test func markdownSaysWhenNothingChangedOrNothingToCompare() {
        let state = DiffScenarioTests.builds[2]
        #expect(
            ChangeFormatter.markdown(StateDiff.diff(from: state, to: state)) == """
                # Status changes

                No changes since 2025-10-06 19:05 UTC, as of 2025-10-06 19:05 UTC.

                """)
        #expect(
            ChangeFormatter.markdown(StateDiff.diff(from: nil, to: state)) == """
                # Status changes

                First build, as of 2025-10-06 19:05 UTC: no previous state to compare with.

                """)
        #expect(ChangeFormatter.text(StateDiff.diff(from: state, to: state)) == "")
    }

    @Test func markdownEscapesTitles() {
        #expect(
            ChangeMarkdown.escape("Fix *all* [the] <b>things</b> #1")
                == ##"Fix \*all\* \[the\] \<b\>things\</b\> \#1"##)
    }

    @Test func jsonIsChangesJSON() throws {
        let data = ChangeFormatter.json(Self.changes)
        #expect(data == Self.changes.encoded())
        let decoded = try StateChanges.decode(data)
        #expect(decoded == Self.changes)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"changes\" : ["))
        #expect(text.contains("\"kind\" : \"maintenance-scheduled\""))
        #expect(text.contains("\"previous\" : \"2025-10-06T17:45:00Z\""))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func rescheduledAndCancelledWindowsAreSpelledOut() {
        let window = StateWindow(
            start: Fixture.date("2025-10-08T22:00:00Z"), end: Fixture.date("2025-10-09T02:00:00Z"))
        var change = Change(
            kind: .maintenanceRescheduled, audience: .maintenance, cluster: "b", clusterName: "Cluster B",
            maintenance: "m", title: "Upgrade", window: window,
            previousWindow: StateWindow(
                start: Fixture.date("2025-10-08T02:00:00Z"), end: Fixture.date("2025-10-08T04:00:00Z")))
        #expect(
            ChangeText.line(change)
                == "Cluster B: maintenance rescheduled: Upgrade (was 2025-10-08 02:00–04:00 UTC, now 2025-10-08 22:00 – 2025-10-09 02:00 UTC)"
        )
        change.kind = .maintenanceCancelled
        change.previousWindow = nil
        #expect(
            ChangeText.line(change)
                == "Cluster B: maintenance cancelled: Upgrade (was 2025-10-08 22:00 – 2025-10-09 02:00 UTC)")
        change.kind = .incidentReopened
        change.status = "investigating"
        #expect(ChangeText.line(change) == "Cluster B: incident reopened: Upgrade (investigating)")
    }
}
