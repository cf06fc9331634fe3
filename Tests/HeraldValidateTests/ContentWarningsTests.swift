import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport
@testable import HeraldValidate

@Suite struct ContentWarningsTests {
    private func warnings(_ incident: String, now: String, staleAfter: TimeInterval = 4 * 3600) throws
        -> [String]
    {
        let options = ValidationOptions(now: Fixture.date(now), staleAfter: staleAfter)
        let result = try Fixture.validate(replacing: ["Content/incidents/w.md": incident], options: options)
        #expect(Fixture.errors(result) == [])
        return result.diagnostics.filter { $0.severity == .warning && $0.location.path.hasSuffix("/w.md") }
            .map { "\($0.location.line):\($0.location.column) \($0.message)" }
    }

    private func incident(resolved: String? = nil, draft: Bool = false, updates: [String]) -> String {
        var lines = ["---", "title: W", "started: 2025-10-06T09:00:00Z"]
        if let resolved { lines.append("resolved: \(resolved)") }
        if draft { lines.append("draft: true") }
        lines += ["affected:", "  - cluster: b", "    status: partial-outage", "updates:"]
        for at in updates { lines += ["  - at: \(at)", "    status: investigating", "    message: M"] }
        return (lines + ["---", ""]).joined(separator: "\n")
    }

    @Test func staleIsJudgedFromTheLatestUpdatePostedByNow() throws {
        let text = incident(updates: ["2025-10-06T10:00:00Z", "2025-10-06T12:00:00Z", "2025-10-07T00:00:00Z"])
        #expect(try warnings(text, now: "2025-10-06T15:59:00Z") == [])
        #expect(
            try warnings(text, now: "2025-10-06T16:30:00Z") == [
                "11:9 the incident is ongoing and has had no update for 4 h 30 min (since 2025-10-06T12:00:00Z); "
                    + "post one with `herald update w --status … --message …`, or resolve it"
            ])
        #expect(try warnings(text, now: "2025-10-06T16:30:00Z", staleAfter: 5 * 3600) == [])
    }

    /// `site.yml`'s `stale_after` replaces the 4 h default; `--stale-after` wins over both.
    @Test func staleAfterFromSiteYAMLUnlessGivenOnTheCommandLine() throws {
        let text = incident(updates: ["2025-10-06T12:00:00Z"])
        let files: [String: String?] = [
            "Content/incidents/w.md": text, "Content/site.yml": Fixture.siteYAML + "\nstale_after: 1h\n",
        ]
        func staleWarnings(_ options: ValidationOptions) throws -> Int {
            try Fixture.validate(replacing: files, options: options).diagnostics.filter {
                $0.severity == .warning && $0.message.contains("has had no update")
            }.count
        }
        let now = Fixture.date("2025-10-06T13:30:00Z")
        #expect(try staleWarnings(ValidationOptions(now: now)) == 1)
        #expect(try staleWarnings(ValidationOptions(now: now, staleAfter: 2 * 3600)) == 0)
        #expect(try warnings(text, now: "2025-10-06T13:30:00Z") == [])
    }

    @Test func resolvedLaterStillCountsAsOngoingAndDraftsAreLeftOut() throws {
        #expect(
            try warnings(incident(resolved: "2025-10-06T20:00:00Z", updates: []), now: "2025-10-06T19:00:00Z")
                .count == 1)
        #expect(
            try warnings(incident(resolved: "2025-10-06T10:00:00Z", updates: []), now: "2025-10-06T19:00:00Z")
                == [])
        #expect(try warnings(incident(draft: true, updates: []), now: "2025-10-06T19:00:00Z") == [])
    }

    @Test func futureStartIsPointedAtStarted() throws {
        #expect(
            try warnings(incident(updates: []), now: "2025-10-06T08:00:00Z") == [
                "3:10 the incident starts in the future (2025-10-06T09:00:00Z, as of 2025-10-06T08:00:00Z); it stays "
                    + "off the site until then: check the date and offset"
            ])
    }

    @Test func withoutNowThereAreNoTimelineWarnings() throws {
        let result = try Fixture.validate(replacing: ["Content/incidents/w.md": incident(updates: [])])
        #expect(!result.diagnostics.contains { $0.location.path.hasSuffix("/w.md") })
    }

    @Test func durations() {
        #expect(ContentWarnings.duration(45 * 60) == "45 min")
        #expect(ContentWarnings.duration(5 * 3600) == "5 h")
        #expect(ContentWarnings.duration(50 * 3600) == "2 d 2 h")
    }
}
