import Foundation
import Testing

@testable import HeraldAuthoring
@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldTestSupport

/// `herald update --reschedule` and `--cancel` on files laid out in the ways people write them.
@Suite struct MaintenanceChangeTests {
    static let file = """
        ---
        title: Move
        window: {start: "2025-11-01T02:00:00-04:00", end: 2025-11-01T04:00:00-04:00}  # Toronto
        cancelled: false   # not yet
        affected:
          - cluster: a
            services: [imap]
        updates: []
        ---
        Body.

        """

    private func change(_ change: MaintenanceChange, in fixture: AuthoringFixture, at now: String) throws
        -> TimelineUpdater.Outcome
    {
        try TimelineUpdater(site: fixture.site(), writer: LocalFileSystem()).update(
            .init(
                slug: "move", status: nil, message: "Moved.", resolve: false, now: AuthoringFixture.time(now),
                maintenanceChange: change))
    }

    @Test func rescheduleRewritesAFlowWindowKeepingItsQuotingAndAddsTheHistory() throws {
        let fixture = try AuthoringFixture()
        let path = try fixture.write(Self.file, to: "Content/maintenance/move.md")
        let outcome = try change(
            .reschedule(
                start: AuthoringFixture.time("2025-11-08T07:00:00Z"),
                end: AuthoringFixture.time("2025-11-08T09:00:00Z")),
            in: fixture, at: "2025-10-20T12:00:00Z")
        #expect(outcome.change == "rescheduled it" && outcome.status == "scheduled")
        let text = try fixture.text(path)
        #expect(
            text.contains(
                "window: {start: \"2025-11-08T07:00:00Z\", end: 2025-11-08T09:00:00Z}  # Toronto\ncancelled: false"
            ))
        #expect(
            text.contains(
                "rescheduled:\n  - at: 2025-10-20T12:00:00Z\n    start: 2025-11-01T06:00:00Z\n"
                    + "    end: 2025-11-01T08:00:00Z\n---\nBody."))
        #expect(try fixture.errors() == [])
    }

    @Test func cancelSetsCancelledKeepingTheComment() throws {
        let fixture = try AuthoringFixture()
        let path = try fixture.write(Self.file, to: "Content/maintenance/move.md")
        #expect(try change(.cancel, in: fixture, at: "2025-10-20T12:00:00Z").change == "cancelled it")
        #expect(try fixture.text(path).contains("\ncancelled: true   # not yet\n"))
        #expect(throws: UpdateFailure.self) { try change(.cancel, in: fixture, at: "2025-10-21T12:00:00Z") }
    }

    @Test func incidentsCannotBeMovedOrCancelled() throws {
        let fixture = try AuthoringFixture()
        #expect {
            try TimelineUpdater(site: fixture.site(), writer: LocalFileSystem()).update(
                .init(
                    slug: "cluster-a-email", status: nil, message: "x", resolve: false,
                    now: AuthoringFixture.time("2025-10-07T00:00:00Z"), maintenanceChange: .cancel))
        } throws: { ($0 as? UpdateFailure)?.description.contains("is an incident") == true }
    }
}
