import Foundation
import Testing

@testable import HeraldTestSupport

/// Postmortems (issue 12): `herald postmortem`, the page, feeds and API, and "postmortem published"
/// reported exactly once, through the real binary.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct PostmortemTests {
    static let page = "incidents/2025-10-06-cluster-a-email/index.html"

    @Test func theScaffoldOnlyAddsLinesAndFillsInTheIncident() throws {
        let site = try LifecycleSite()
        let result = try site.herald(["postmortem", "cluster-a-email", "--now", "2025-10-09T15:00:00Z"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("\(LifecycleSite.incident): added a postmortem, published\n"))
        let lines = try site.changedLines()
        #expect(lines.removed.isEmpty)
        #expect(
            lines.added.prefix(4) == [
                "postmortem:", "  published: 2025-10-09T15:00:00Z", "  body: |", "    ### Summary",
            ])
        for section in ["### Impact", "### Timeline", "### Root cause", "### What we are changing"] {
            #expect(lines.added.contains("    " + section), "missing \(section)")
        }
        #expect(
            lines.added.contains(
                "    - Cluster A / Inbound mail: major outage at worst, impaired for 9 h 35 min"))
        #expect(
            lines.added.contains(
                "    - 6 Oct 2025, 14:50 EDT: identified. A note on incoming mail: messages sent to Cluster A "
                    + "mailboxes are being accepted and held in a queue on our own servers."))
        #expect(try site.herald(["check", "--now", "2025-10-09T16:00:00Z"]).status == 0)
    }

    @Test func aSitesTemplateIsUsedAndAnUnknownPlaceholderIsAnErrorAtItsLine() throws {
        let site = try LifecycleSite()
        try FileManager.default.createDirectory(
            atPath: "\(site.root)/Content/templates", withIntermediateDirectories: true)
        try site.write(
            "### What happened\n\n{summary}\n\n### Cost\n\n{price}\n", to: "Content/templates/postmortem.md")
        let refused = try site.herald(["postmortem", "cluster-a-email", "--now", "2025-10-09T15:00:00Z"])
        #expect(refused.status == 1)
        #expect(
            refused.standardError.contains(
                "Content/templates/postmortem.md:7:1: error: unknown placeholder `{price}`"))
        #expect(try site.text() == site.original)
        try site.write(
            "### What happened\n\n{summary}\n\nIt lasted {duration}.\n", to: "Content/templates/postmortem.md"
        )
        #expect(
            try site.herald(["postmortem", "cluster-a-email", "--now", "2025-10-09T15:00:00Z"]).status == 0)
        #expect(try site.changedLines().added.contains("    It lasted 9 h 35 min."))
    }

    @Test func anUnresolvedIncidentGetsNoPostmortem() throws {
        let site = try LifecycleSite()
        let refused = try site.herald(["postmortem", "cluster-a-email", "--now", "2025-10-06T19:00:00Z"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("a postmortem is for a resolved incident"))
        // Written by hand: an error at the `postmortem` key, in check and build.
        try site.write(
            site.original.replacingOccurrences(of: "resolved: 2025-10-07T03:05:00Z\n", with: "")
                .replacingOccurrences(
                    of: "\n  - at: 2025-10-06T23:05:00-04:00\n    status: resolved\n",
                    with: "\n  - at: 2025-10-06T23:05:00-04:00\n    status: monitoring\n"
                )
                .replacingOccurrences(
                    of: "related: [2025-08-14-cluster-a-interruption]\n",
                    with:
                        "related: [2025-08-14-cluster-a-interruption]\npostmortem:\n  published: 2025-10-09T15:00:00Z\n  body: Text.\n"
                ))
        let line =
            try site.text().split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0 == "postmortem:" }.map { $0 + 1 } ?? 0
        for command in ["check", "build"] {
            let result = try site.herald([command, "--now", "2025-10-10T00:00:00Z"])
            #expect(result.status == 1)
            #expect(
                (result.standardOutput + result.standardError).contains(
                    "\(LifecycleSite.incident):\(line):1: error: a postmortem is only for a resolved incident"
                ),
                "\(result.standardOutput)\(result.standardError)")
        }
    }

    @Test func itIsHiddenUntilPublishedThenShownEverywhereAndReportedOnce() throws {
        let site = try LifecycleSite()
        #expect(try site.herald(["build", "--now", "2025-10-08T12:00:00Z"]).status == 0)
        let written = try HeraldProcess.run(
            [
                "postmortem", "cluster-a-email", "--body", "-", "--publish-at", "2025-10-09T15:00:00Z",
                "--now",
                "2025-10-08T12:00:00Z",
            ], in: site.root, input: "### Root cause\n\nStorage nodes **lost** their links.\n")
        #expect(written.status == 0, "\(written.standardError)")
        #expect(
            written.standardOutput
                == "\(LifecycleSite.incident): added a postmortem, to be published 2025-10-09T15:00:00Z\n")
        // Before `published`: nowhere, and nothing to report.
        #expect(try site.herald(["build", "--now", "2025-10-09T14:00:00Z"]).status == 0)
        try FileManager.default.copyItem(
            atPath: "\(site.root)/Output/api/state.json", toPath: "\(site.root)/previous.json")
        #expect(try !site.output(Self.page).contains("postmortem-heading"))
        #expect(try !site.output("api/v2/incidents.json").contains("Storage nodes **lost**"))
        #expect(try site.changes().isEmpty)

        // Published: the page, the Atom entry (updated), the API; one "postmortem published".
        #expect(try site.herald(["build", "--now", "2025-10-09T15:30:00Z"]).status == 0)
        #expect(try site.output(Self.page).contains(#"<h2 id="postmortem-heading">Postmortem</h2>"#))
        let incidents = try site.output("api/v2/incidents.json")
        #expect(incidents.contains(#""postmortem_published_at" : "2025-10-09T15:00:00.000Z""#))
        #expect(incidents.contains(#""status" : "postmortem""#))
        #expect(try !site.output("api/v2/incidents/unresolved.json").contains("postmortem"))
        let feed = try site.output("clusters/a/feed.atom")
        #expect(feed.contains("&lt;h2&gt;Postmortem&lt;/h2&gt;"))
        #expect(feed.contains("<updated>2025-10-09T15:00:00Z</updated>"))
        let changes = try site.changes()
        #expect(changes.count == 1)
        #expect(changes.first?["kind"] as? String == "postmortem-published")
        #expect(changes.first?["audience"] as? String == "emergency")
        #expect(changes.first?["cluster"] as? String == "a")
        let text = try site.herald(["diff", "previous.json", "Output/api/state.json"])
        #expect(text.standardOutput == "Cluster A: postmortem published: Cluster A email service issues\n")
        #expect(try site.output(Self.page).contains("<strong>lost</strong> their links."))

        // Weeks later: never again.
        #expect(try site.herald(["build", "--now", "2025-11-20T12:00:00Z"]).status == 0)
        #expect(try site.changes().allSatisfy { $0["kind"] as? String != "postmortem-published" })
    }
}
