import Foundation
import Testing
import Yams

@testable import HeraldAuthoring
@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldTestSupport

@Suite struct NewItemTests {
    static let now = AuthoringFixture.time("2025-10-07T02:30:00Z")

    private func write(_ item: NewItem, in fixture: AuthoringFixture) throws -> String {
        try NewItemWriter(site: fixture.site(), writer: LocalFileSystem()).write(item)
    }

    /// Every kind with every option: what `new` writes validates with the site as it is.
    @Test(arguments: [
        NewItem(kind: .incident, title: "Cluster A email", now: now),
        NewItem(
            kind: .incident, title: "Webmail: slow \"logins\" # again", now: now, clusters: ["a", "b"],
            services: ["webmail", "imap"], status: "major-outage", impact: "minor"),
        NewItem(kind: .incident, title: "Dégradé", now: now, clusters: ["b"], status: "degraded-performance"),
        NewItem(kind: .maintenance, title: "Storage upgrade", now: now),
        NewItem(
            kind: .maintenance, title: "yes", now: now, clusters: ["b"], services: ["pop"],
            windowStart: AuthoringFixture.time("2025-10-20T06:00:00Z"),
            windowEnd: AuthoringFixture.time("2025-10-20T07:00:00-04:00")),
        NewItem(kind: .post, title: "Cluster A: what happened?", now: now),
        NewItem(kind: .post, title: "!!!", now: now),
    ])
    func writesAFileThatValidates(item: NewItem) throws {
        let fixture = try AuthoringFixture()
        let path = try write(item, in: fixture)
        #expect(try fixture.errors() == [])
        let result = try SiteBuilder.check(fixture.site().options, fileSystem: LocalFileSystem())
        let site = try #require(result.site)
        let titles = site.incidents.map(\.title) + site.maintenances.map(\.title) + site.posts.map(\.title)
        #expect(titles.contains(item.title))
        let text = try fixture.text(path)
        #expect(text.contains("questions: []\n# questions:\n#   - q: "))
        if item.kind == .incident {
            #expect(text.contains("  - at: 2025-10-07T02:30:00Z\n    status: investigating"))
            #expect(text.contains("started: 2025-10-07T02:30:00Z\n"))
        }
    }

    @Test func namesTheFileByTheDateInTheSiteTimeZoneAndNeverOverwrites() throws {
        let fixture = try AuthoringFixture()
        let item = NewItem(kind: .incident, title: "Cluster A: Email ‘down’", now: Self.now)
        let first = try write(item, in: fixture)
        let second = try write(item, in: fixture)
        let third = try write(item, in: fixture)
        // 02:30 UTC is still October 6 in Toronto.
        #expect(first.hasSuffix("/Content/incidents/2025-10-06-cluster-a-email-down.md"))
        #expect(second.hasSuffix("/Content/incidents/2025-10-06-cluster-a-email-down-2.md"))
        #expect(third.hasSuffix("/Content/incidents/2025-10-06-cluster-a-email-down-3.md"))
        #expect(try fixture.errors() == [])
    }

    @Test func maintenanceIsNamedByItsWindowAndDefaultsToTwoHours() throws {
        let fixture = try AuthoringFixture()
        let item = NewItem(
            kind: .maintenance, title: "Upgrade", now: Self.now,
            windowStart: AuthoringFixture.time("2025-11-02T12:00:00Z"))
        let path = try write(item, in: fixture)
        #expect(path.hasSuffix("/maintenance/2025-11-02-upgrade.md"))
        let text = try fixture.text(path)
        #expect(text.contains("window:\n  start: 2025-11-02T12:00:00Z\n  end: 2025-11-02T14:00:00Z\n"))
    }

    @Test func refusesAnUnknownClusterAndWritesNothing() throws {
        let fixture = try AuthoringFixture()
        let before = HeraldProcess.snapshot(of: fixture.root)
        #expect {
            try write(NewItem(kind: .incident, title: "X", now: Self.now, clusters: ["c"]), in: fixture)
        } throws: { error in
            guard case NewItemWriter.Failure.invalid(let diagnostics) = error else { return false }
            return diagnostics.contains { $0.message.contains("unknown cluster `c`") }
        }
        #expect(HeraldProcess.snapshot(of: fixture.root) == before)
    }

    @Test func longTitlesAreCutAtADash() {
        let title = String(repeating: "word ", count: 30)
        let slug = NewItemWriter.slug(for: NewItem(kind: .post, title: title, now: Self.now))
        #expect(slug.count <= 60)
        #expect(slug.hasSuffix("word"))
    }

    @Test(arguments: [
        "plain title", "a: b", "yes", "null", "#hash", "- dash", "tab\there", "quote \" and \\", "'single'",
    ])
    func titlesReadBackAsWritten(title: String) throws {
        let yaml = "title: \(YAMLScalar.inline(title))"
        let node = try #require(try Yams.compose(yaml: yaml))
        #expect(node["title"]?.string == title)
    }
}
