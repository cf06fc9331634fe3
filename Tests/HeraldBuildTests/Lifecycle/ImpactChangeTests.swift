import Foundation
import Testing

@testable import HeraldTestSupport

/// `herald update --set` writes the update's `affected` list (issue 12), through the real binary.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct ImpactChangeTests {
    @Test func setMergesIntoTheCurrentImpactAndKeepsTheStatus() throws {
        let site = try LifecycleSite()
        // As of 19:10 the impact is inbound major outage, webmail, IMAP and POP partial outage.
        let result = try site.herald([
            "update", "cluster-a-email", "--set", "a/webmail=operational",
            "--set", "a/imap=degraded-performance",
            "--message", "Webmail is back.", "--now", "2025-10-06T19:10:00Z",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput
                == "\(LifecycleSite.incident): added an update (identified)\n"
                + "  Cluster A / IMAP access: partial outage → degraded performance\n"
                + "  Cluster A / Webmail: partial outage → operational\n")
        let lines = try site.changedLines()
        #expect(lines.removed.isEmpty)
        #expect(
            lines.added == [
                "  - at: 2025-10-06T19:10:00Z", "    status: identified", "    message: |",
                "      Webmail is back.", "    affected:",
                "      - cluster: a", "        services: [inbound]",
                "        status: major-outage", "      - cluster: a", "        services: [imap]",
                "        status: degraded-performance", "      - cluster: a", "        services: [pop]",
                "        status: partial-outage",
            ])
        #expect(try site.herald(["build", "--now", "2025-10-06T19:15:00Z"]).status == 0)
        let state = try site.output("api/state.json")
        #expect(state.contains(#""service" : "imap","#))
    }

    @Test func aWholeClusterOperationalWritesAnEmptyList() throws {
        let site = try LifecycleSite()
        let result = try site.herald([
            "update", "cluster-a-email", "--set", "a=operational", "--status", "monitoring", "--message",
            "All services are back.", "--now", "2025-10-06T19:10:00Z",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let added = try site.changedLines().added
        #expect(added.suffix(2) == ["      All services are back.", "    affected: []"])
        #expect(result.standardOutput.split(separator: "\n").count == 5)
        #expect(try site.herald(["check", "--now", "2025-10-06T19:15:00Z"]).status == 0)
    }

    /// A service's own `--set` wins over its cluster's, whatever their order.
    @Test func aServiceSetWinsOverItsClustersInAnyOrder() throws {
        let site = try LifecycleSite()
        let result = try site.herald([
            "update", "cluster-a-email", "--set", "a/inbound=degraded-performance", "--set", "a=operational",
            "--message", "Only inbound is still slow.", "--now", "2025-10-06T19:10:00Z",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            try site.changedLines().added.suffix(4) == [
                "    affected:", "      - cluster: a", "        services: [inbound]",
                "        status: degraded-performance",
            ])
    }

    @Test func badSetsAreRefusedAndNothingIsWritten() throws {
        let site = try LifecycleSite()
        let cases: [(String, Int32, String)] = [
            ("a/inbound", 2, "write it as CLUSTER/SERVICE=STATUS"),
            ("a/inbound=down", 2, "`down` is not a status an incident gives"),
            ("c=major-outage", 1, "unknown cluster `c`"),
            ("a/printing=major-outage", 1, "cluster `a` does not run `printing`"),
        ]
        for (set, status, message) in cases {
            let result = try site.herald([
                "update", "cluster-a-email", "--set", set, "--message", "x", "--now", "2025-10-06T19:10:00Z",
            ])
            #expect(result.status == status, "\(set): \(result.standardError)")
            #expect(result.standardError.contains(message), "\(set): \(result.standardError)")
        }
        #expect(try site.text() == site.original)
    }
}
