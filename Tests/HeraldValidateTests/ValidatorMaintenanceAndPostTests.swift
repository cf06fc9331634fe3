import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport
@testable import HeraldValidate

@Suite struct ValidatorMaintenanceTests {
    private let path = "Content/maintenance/m.md"

    private func validate(_ frontMatter: String) throws -> ValidationResult {
        try Fixture.validate(replacing: [path: "---\n\(frontMatter)\n---\nBody\n"])
    }

    @Test func readsAWindow() throws {
        let result = try validate(
            """
            title: M
            window: {start: 2025-11-01T02:00:00Z, end: 2025-11-01T03:00:00-01:00}
            cancelled: true
            affected:
              - cluster: a
                services: [imap, pop]
            updates:
              - at: 2025-11-01T02:00:00Z
                status: in-progress
                affected:
                  - cluster: a
                    services: [imap]
            related: [2025-08-14-cluster-a]
            """)
        #expect(Fixture.errors(result) == [])
        let maintenance = try #require(result.site?.maintenances.first { $0.slug == "m" })
        #expect(maintenance.start == Fixture.date("2025-11-01T02:00:00Z"))
        #expect(maintenance.end == Fixture.date("2025-11-01T04:00:00Z"))
        #expect(maintenance.cancelled)
        #expect(
            maintenance.components == [
                ComponentID(cluster: "a", service: "imap"), ComponentID(cluster: "a", service: "pop"),
            ])
        #expect(maintenance.updates.map(\.status) == [.inProgress])
        #expect(
            maintenance.updates[0].affected == [
                ComponentImpact(
                    component: ComponentID(cluster: "a", service: "imap"), status: .underMaintenance)
            ])
        #expect(maintenance.related == ["2025-08-14-cluster-a"])
        #expect(maintenance.source == path)
    }

    @Test func windowIsRequiredAndMustEndAfterItStarts() throws {
        let missing = try validate("title: M\naffected:\n  - cluster: a")
        #expect(
            Fixture.errors(missing) == [
                "\(path):2:1: error: missing required field `window` in the maintenance's front matter"
            ])
        let backwards = try validate(
            """
            title: M
            window:
              start: 2025-11-01T03:00:00Z
              end: 2025-11-01T03:00:00Z
            affected:
              - cluster: a
            """)
        #expect(
            Fixture.errors(backwards) == [
                "\(path):5:8: error: the window must end after it starts; it starts 2025-11-01T03:00:00Z and ends "
                    + "2025-11-01T03:00:00Z"
            ])
        let halfWindow = try validate("title: M\nwindow:\n  start: 2025-11-01\naffected:\n  - cluster: a")
        #expect(
            Fixture.errors(halfWindow) == [
                "\(path):4:3: error: missing required field `end` in `window`",
                "\(path):4:10: error: expected a time with an offset such as 2025-10-06T17:30:00Z for `start`, not "
                    + "`2025-11-01` (a date needs a time and an offset)",
            ])
    }

    @Test func statusInAffectedAndIncidentStatusesAreErrors() throws {
        let result = try validate(
            """
            title: M
            window: {start: 2025-11-01T02:00:00Z, end: 2025-11-01T03:00:00Z}
            cancelled: no
            affected:
              - cluster: a
                status: partial-outage
            updates:
              - at: 2025-11-01T02:00:00Z
                status: resolved
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):4:12: error: expected true or false for `cancelled`, not `no`",
                "\(path):7:5: error: maintenance gives its components the status `under-maintenance`; remove `status`",
                "\(path):10:13: error: unknown status `resolved`; expected one of scheduled, in-progress, verifying, "
                    + "completed",
            ])
    }

    @Test func relatedMustNameIncidents() throws {
        let result = try validate(
            """
            title: M
            window: {start: 2025-11-01T02:00:00Z, end: 2025-11-01T03:00:00Z}
            affected:
              - cluster: a
            related: [2025-10-20-cluster-b-storage]
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):6:11: error: unknown incident `2025-10-20-cluster-b-storage` in `related`; "
                    + "`2025-10-20-cluster-b-storage` is a maintenance (Content/maintenance/2025-10-20-cluster-b-storage.md), "
                    + "and `related` names incidents"
            ])
    }
}

@Suite struct ValidatorPostTests {
    private let path = "Content/blog/p.md"

    private func validate(_ frontMatter: String) throws -> ValidationResult {
        try Fixture.validate(replacing: [path: "---\n\(frontMatter)\n---\nBody\n"])
    }

    @Test func bareDateIsMidnightInTheSiteTimeZone() throws {
        let result = try Fixture.validate(Fixture.files)
        let post = try #require(result.site?.posts.first)
        // America/Toronto is UTC-4 in October.
        #expect(post.date == Fixture.date("2025-10-06T04:00:00Z"))
        #expect(post.author == "Reseller Support")
        #expect(post.summary == nil)
        #expect(post.tags == ["email", "cluster-a"])
        #expect(post.clusters == ["a"])
        #expect(post.incidents == ["2025-10-06-cluster-a-email"])
        #expect(post.questions.map(\.anchor) == ["q-is-the-august-interruption-related"])
        #expect(post.source == "Content/blog/2025-10-06-cluster-a-qa.md")
    }

    @Test func timesNeedOffsetsButDatesAreFine() throws {
        let withTime = try validate("title: P\ndate: 2025-10-06T21:00:00Z\nsummary: '  Short.  '")
        #expect(withTime.site?.posts.first { $0.slug == "p" }?.date == Fixture.date("2025-10-06T21:00:00Z"))
        #expect(withTime.site?.posts.first { $0.slug == "p" }?.summary == "Short.")
        let local = try validate("title: P\ndate: 2025-10-06T21:00:00")
        #expect(
            Fixture.errors(local) == [
                "\(path):3:7: error: expected a date such as 2025-10-06 or a time with an offset such as "
                    + "2025-10-06T21:00:00Z for `date`, not `2025-10-06T21:00:00` (add `Z` for UTC or an offset "
                    + "such as +02:00)"
            ])
    }

    @Test func referencesMustExist() throws {
        let result = try validate(
            """
            title: P
            date: 2025-10-06
            clusters: [a, x]
            incidents: [2025-10-06-cluster-a-emial, nope]
            tags: [ok, "!!"]
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):4:15: error: unknown cluster `x`; site.yml declares `a`, `b`",
                "\(path):5:13: error: unknown incident `2025-10-06-cluster-a-emial` in `incidents`; did you mean "
                    + "`2025-10-06-cluster-a-email`?",
                "\(path):5:41: error: unknown incident `nope` in `incidents`",
                "\(path):6:12: error: tag `!!` needs at least one letter or digit",
            ])
    }

    @Test func unknownPostKeySuggests() throws {
        let result = try validate("title: P\ndate: 2025-10-06\nsumary: S")
        #expect(
            Fixture.errors(result) == [
                "\(path):4:1: error: unknown key `sumary` in the post's front matter; did you mean `summary`?"
            ])
    }
}
