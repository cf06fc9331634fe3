import Foundation
import Testing

@testable import HeraldAuthoring
@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldTestSupport

@Suite struct TimelineUpdaterTests {
    private func update(
        _ fixture: AuthoringFixture, _ slug: String, status: String?, message: String = "Text",
        resolve: Bool = false,
        at now: String
    ) throws -> TimelineUpdater.Outcome {
        try TimelineUpdater(site: fixture.site(), writer: LocalFileSystem()).update(
            .init(
                slug: slug, status: status, message: message, resolve: resolve,
                now: AuthoringFixture.time(now)))
    }

    private func incident(_ fixture: AuthoringFixture, _ slug: String) throws -> Incident {
        let result = try SiteBuilder.check(fixture.site().options, fileSystem: LocalFileSystem())
        return try #require(result.site?.incidents.first { $0.slug == slug })
    }

    @Test func theWholeLifeOfAnIncident() throws {
        let fixture = try AuthoringFixture()
        let path = try NewItemWriter(site: fixture.site(), writer: LocalFileSystem())
            .write(
                NewItem(
                    kind: .incident, title: "Webmail down", now: AuthoringFixture.time("2025-10-08T10:00:00Z")
                ))
        let written = try fixture.text(path)
        _ = try update(
            fixture, "webmail-down", status: "identified", message: "Found it.", at: "2025-10-08T10:20:00Z")
        let identified = try fixture.text(path)
        #expect(insertedLines(from: written, to: identified)?.first == "  - at: 2025-10-08T10:20:00Z")
        _ = try update(fixture, "2025-10-08-webmail-down", status: "monitoring", at: "2025-10-08T10:40:00Z")
        let outcome = try update(
            fixture, "webmail-down", status: nil, message: "Fixed.", resolve: true, at: "2025-10-08T11:00:00Z"
        )
        #expect(outcome.closed && outcome.status == "resolved")
        #expect(try fixture.errors() == [])
        let incident = try incident(fixture, "2025-10-08-webmail-down")
        #expect(incident.resolved == AuthoringFixture.time("2025-10-08T11:00:00Z"))
        #expect(incident.updates.map(\.status) == [.investigating, .identified, .monitoring, .resolved])
        #expect(
            try fixture.text(path).contains("started: 2025-10-08T10:00:00Z\nresolved: 2025-10-08T11:00:00Z\n")
        )
    }

    @Test func statusResolvedAlsoSetsResolved() throws {
        let fixture = try AuthoringFixture()
        _ = try NewItemWriter(site: fixture.site(), writer: LocalFileSystem())
            .write(
                NewItem(kind: .incident, title: "Blip", now: AuthoringFixture.time("2025-10-08T10:00:00Z")))
        #expect(try update(fixture, "blip", status: "resolved", at: "2025-10-08T10:05:00Z").closed)
        #expect(
            try incident(fixture, "2025-10-08-blip").resolved == AuthoringFixture.time("2025-10-08T10:05:00Z")
        )
    }

    @Test func refusesWhatWouldNotValidateAndLeavesTheFileAlone() throws {
        let fixture = try AuthoringFixture()
        let before = HeraldProcess.snapshot(of: fixture.root)
        #expect(throws: UpdateFailure.self) {  // already resolved
            try update(
                fixture, "2025-10-06-cluster-a-email", status: nil, resolve: true, at: "2025-10-08T00:00:00Z")
        }
        #expect {  // before `started`
            try update(fixture, "cluster-a-email", status: "identified", at: "2025-10-01T00:00:00Z")
        } throws: { error in
            guard case UpdateFailure.invalid(let diagnostics) = error else { return false }
            return diagnostics.first?.message.contains("before `started`") == true
        }
        #expect {
            try update(fixture, "cluster-a-email", status: "identifed", at: "2025-10-08T00:00:00Z")
        } throws: { error in
            "\(error)".contains("did you mean `identified`?")
                || "\(error)".contains("Did you mean `identified`?")
        }
        #expect(throws: UpdateFailure.self) {
            try update(
                fixture, "cluster-a-email", status: "identified", resolve: true, at: "2025-10-08T00:00:00Z")
        }
        #expect(throws: UpdateFailure.self) {
            try update(fixture, "cluster-a-emial", status: "identified", at: "2025-10-08T00:00:00Z")
        }
        #expect(throws: UpdateFailure.self) {
            try update(
                fixture, "cluster-a-email", status: "identified", message: "  \n", at: "2025-10-08T00:00:00Z")
        }
        #expect(HeraldProcess.snapshot(of: fixture.root) == before)
    }

    @Test func completingARunningMaintenanceEndsItsWindowNow() throws {
        let fixture = try AuthoringFixture()
        let path = "\(fixture.root)/Content/maintenance/2025-10-15-cluster-b-storage-upgrade.md"
        let before = try fixture.text(path)
        _ = try update(
            fixture, "cluster-b-storage-upgrade", status: "in-progress", at: "2025-10-15T06:01:00Z")
        let outcome = try update(
            fixture, "cluster-b-storage-upgrade", status: nil, message: "Done early.", resolve: true,
            at: "2025-10-15T07:00:00Z")
        #expect(outcome.closed && outcome.status == "completed")
        let after = try fixture.text(path)
        #expect(after.contains("  end: 2025-10-15T07:00:00Z\n"))
        #expect(before.replacingOccurrences(of: "  end: 2025-10-15T08:00:00Z", with: "").count < after.count)
        #expect(try fixture.errors() == [])
        #expect(throws: UpdateFailure.self) {
            try update(fixture, "cluster-b-storage-upgrade", status: "completed", at: "2025-10-14T00:00:00Z")
        }
    }

    @Test func findsAnItemByItsSlugKey() throws {
        let fixture = try AuthoringFixture()
        let path = try fixture.write(
            "---\ntitle: T\nslug: custom-slug\nstarted: 2025-10-08T10:00:00Z\naffected:\n  - cluster: a\n"
                + "    status: degraded-performance\n---\n", to: "Content/incidents/whatever.md")
        #expect(
            try update(fixture, "custom-slug", status: "identified", at: "2025-10-08T10:30:00Z").path == path)
    }
}
