import Foundation
import Testing

@testable import HeraldTestSupport

/// Resolution is final unless `--reopen` says otherwise (issue 12), through the real binary.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct ReopeningTests {
    @Test func anUpdateAfterResolutionIsRefusedWithHowToReopen() throws {
        let site = try LifecycleSite()
        let result = try site.herald([
            "update", "cluster-a-email", "--status", "monitoring", "--message", "Still watching.", "--now",
            "2025-10-07T04:00:00Z",
        ])
        #expect(result.status == 1)
        #expect(result.standardError.contains("already resolved (at 2025-10-07T03:05:00Z)"))
        #expect(result.standardError.contains("--reopen"))
        #expect(try site.text() == site.original)
    }

    @Test func reopeningRemovesResolvedAndRecordsAReopenedUpdate() throws {
        let site = try LifecycleSite()
        #expect(try site.herald(["build", "--now", "2025-10-07T04:00:00Z"]).status == 0)
        let reopened = try site.herald([
            "update", "cluster-a-email", "--reopen", "--set", "a/inbound=partial-outage", "--message",
            "Inbound mail is failing again.", "--now", "2025-10-07T04:10:00Z",
        ])
        #expect(reopened.status == 0, "\(reopened.standardError)")
        #expect(
            reopened.standardOutput
                == "\(LifecycleSite.incident): added an update (investigating) and reopened it\n"
                + "  Cluster A / Inbound mail: operational → partial outage\n")
        let lines = try site.changedLines()
        #expect(lines.removed == ["resolved: 2025-10-07T03:05:00Z"])
        #expect(
            lines.added == [
                "  - at: 2025-10-07T04:10:00Z", "    status: investigating", "    reopened: true",
                "    message: |", "      Inbound mail is failing again.", "    affected:",
                "      - cluster: a",
                "        services: [inbound]", "        status: partial-outage",
            ])
        #expect(try site.herald(["check", "--now", "2025-10-07T04:20:00Z"]).status == 0)

        let build = try site.herald(["build", "--now", "2025-10-07T04:20:00Z"])
        #expect(build.status == 0, "\(build.standardError)")
        let page = try site.output("incidents/2025-10-06-cluster-a-email/index.html")
        #expect(page.contains(#"<span class="phase phase-reopened">Reopened: Investigating</span>"#))
        #expect(page.contains("badge-phase-investigating"))
        let changes = try site.changes()
        let reopening = changes.first { $0["kind"] as? String == "incident-reopened" }
        #expect(reopening?["audience"] as? String == "emergency")
        #expect(reopening?["incident"] as? String == "2025-10-06-cluster-a-email")
        let text = try site.herald(["diff", "Output/api/state.json", "Output/api/state.json"])
        #expect(text.status == 0)
        let unresolved = try site.output("api/v2/incidents/unresolved.json")
        #expect(unresolved.contains("2025-10-06-cluster-a-email") || unresolved.contains("Cluster A email"))
    }

    @Test func reopeningAnOpenIncidentIsRefused() throws {
        let site = try LifecycleSite()
        let result = try site.herald([
            "update", "cluster-a-email", "--reopen", "--message", "Again.", "--now", "2025-10-06T19:10:00Z",
        ])
        #expect(result.status == 1)
        #expect(result.standardError.contains("--reopen is for a resolved incident"))
    }

    /// Hand-written: an update after the `resolved` update without reopening is an error at its `at`.
    @Test func aHandWrittenUpdateAfterResolutionIsAnErrorAtItsLine() throws {
        let site = try LifecycleSite()
        let late = """
              - at: 2025-10-07T04:00:00Z
                status: monitoring
                message: Still watching.

            questions:
            """
        try site.write(
            site.original.replacingOccurrences(of: "resolved: 2025-10-07T03:05:00Z\n", with: "")
                .replacingOccurrences(of: "\nquestions:", with: "\n" + late))
        let line = try site.text().split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0 == "  - at: 2025-10-07T04:00:00Z" }.map { $0 + 1 }
        for command in ["check", "build"] {
            let result = try site.herald([command, "--now", "2025-10-07T05:00:00Z"])
            #expect(result.status == 1)
            #expect(
                (result.standardOutput + result.standardError).contains(
                    "\(LifecycleSite.incident):\(line ?? 0):9: error: this update (2025-10-07T04:00:00Z, "
                        + "`monitoring`) comes after the incident was resolved at 2025-10-07T03:05:00Z"),
                "\(result.standardError)")
        }
    }
}
