import Foundation
import Testing

@testable import HeraldTestSupport

/// Badge, summary, timeline, "Affected services", the feed entry and `state.json` never disagree
/// (issue 12): the example is built at instants across its October incident, and every page's
/// statements are checked against each other.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct IncidentStatementsAgreeTests {
    static let slug = "2025-10-06-cluster-a-email"
    static let instants = [
        "2025-10-06T17:45:00Z", "2025-10-06T18:40:00Z", "2025-10-06T18:55:00Z", "2025-10-06T23:30:00Z",
        "2025-10-07T02:00:00Z", "2025-10-07T04:00:00Z", "2025-10-20T12:00:00Z",
    ]
    static let ranks = [
        "Operational": 0, "Degraded performance": 1, "Partial outage": 2, "Major outage": 3,
    ]

    /// One line of "Affected services".
    struct Listed: Equatable {
        var name: String
        /// The badge's words: the status now while open, the worst once resolved.
        var shown: String
        var detail: String
        /// The worst status the line claims.
        var worst: String { detail.firstMatch(of: /worst: ([A-Za-z ]+),/).map { String($0.1) } ?? shown }
    }

    @Test(arguments: instants) func everyStatementAgrees(at now: String) throws {
        try Self.checkAgreement(try LifecycleSite(), at: now)
    }

    /// The same after a reopening (04:10) and a second resolution (05:00), with a postmortem.
    @Test(arguments: [
        "2025-10-07T04:05:00Z", "2025-10-07T04:30:00Z", "2025-10-07T06:00:00Z", "2025-10-10T00:00:00Z",
    ])
    func everyStatementAgreesAroundAReopening(at now: String) throws {
        let site = try LifecycleSite()
        for (arguments, at) in [
            (
                ["--reopen", "--set", "a/inbound=partial-outage", "--message", "Delays again."],
                "2025-10-07T04:10:00Z"
            ),
            (["--resolve", "--message", "Normal again."], "2025-10-07T05:00:00Z"),
        ] {
            let result = try site.herald(["update", "cluster-a-email"] + arguments + ["--now", at])
            #expect(result.status == 0, "\(result.standardError)")
        }
        let postmortem = try site.herald([
            "postmortem", "cluster-a-email", "--body", "What happened.", "--now", "2025-10-09T15:00:00Z",
        ])
        #expect(postmortem.status == 0, "\(postmortem.standardError)")
        try Self.checkAgreement(site, at: now)
    }

    static func checkAgreement(_ site: LifecycleSite, at now: String) throws {
        let build = try site.herald(["build", "--now", now])
        #expect(build.status == 0, "\(build.standardError)")
        let page = try site.output("incidents/\(Self.slug)/index.html")

        let badge = try #require(
            page.firstMatch(of: /<p class="event-meta">\n<span class="badge badge-phase-([a-z]+)">/)
        )
        .1
        let resolved = badge == "resolved"
        let newest = try #require(page.firstMatch(of: /<li class="update update-([a-z]+)"/)).1
        #expect(badge == newest, "badge says \(badge), the newest update \(newest)")
        #expect(page.contains("<dt>Resolved</dt>") == resolved)

        let listed = page.matches(
            of:
                /<li><span class="component-name">([^<]+)<\/span>\n<span class="badge [^"]+"><span class="icon" aria-hidden="true">.<\/span> ([A-Za-z ]+)<\/span>\n<span class="affected-detail">\(([^)]+)\)<\/span><\/li>/
        )
        .map { Listed(name: String($0.1), shown: String($0.2), detail: String($0.3)) }
        #expect(!listed.isEmpty)

        // The timeline's impact statements name only listed components, never worse than listed.
        for statement in page.matches(of: /From this update: ([^<]+)<\/p>/) {
            for part in statement.1.split(separator: "; ") where part != "every service operational" {
                let pieces = part.split(separator: ":", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                let line = try #require(listed.first { $0.name == pieces[0] }, "\(part) is not listed")
                #expect(Self.ranks[line.worst] ?? -1 >= Self.ranks[pieces[1]] ?? 99, "\(part) vs \(line)")
            }
        }
        // Impact: derived from the worst listed status (the example declares none).
        let worst = listed.compactMap { Self.ranks[$0.worst] }.max() ?? 0
        let impact = ["None", "Minor", "Major", "Critical"][worst]
        #expect(
            page.contains(#"<span class="impact impact-\#(impact.lowercased())">\#(impact) impact</span>"#))

        // state.json: open exactly while the badge says so, with the statuses the page shows now.
        let state = try #require(
            try JSONSerialization.jsonObject(with: Data(site.output("api/state.json").utf8)) as? [String: Any]
        )
        let open = (state["incidents"] as? [[String: Any]] ?? []).contains {
            $0["slug"] as? String == Self.slug
        }
        #expect(open == !resolved)
        let caused = (state["components"] as? [[String: Any]] ?? []).filter {
            ($0["incidents"] as? [String] ?? []).contains(Self.slug)
        }
        let impairedNow = listed.filter { !resolved && $0.shown != "Operational" }
        #expect(caused.count == impairedNow.count, "state: \(caused.count), page: \(impairedNow)")
        for component in caused {
            let name = "Cluster A / " + (component["service_name"] as? String ?? "")
            let line = try #require(listed.first { $0.name == name })
            #expect(
                line.shown.lowercased().replacingOccurrences(of: " ", with: "-") == component["status"]
                    as? String)
        }
        // While open, what is impaired now comes first.
        if !resolved {
            #expect(Array(listed.prefix(impairedNow.count)) == impairedNow)
            #expect(listed.dropFirst(impairedNow.count).allSatisfy { $0.shown == "Operational" })
        } else {
            #expect(listed.allSatisfy { $0.detail.hasPrefix("the worst it reached; impaired for ") })
        }

        // The history page's summary: same badge, same components in the same order.
        let history = try site.output("history/index.html")
        let summary = try #require(
            history.firstMatch(
                of:
                    /<a href="..\/incidents\/2025-10-06-cluster-a-email\/">[^<]+<\/a><\/h3>\n<p class="event-meta">\n<span class="badge badge-phase-([a-z]+)">(?:.|\n)*?<p class="event-components">Cluster A: ([^<]+)<\/p>/
            ))
        #expect(summary.1 == badge)
        #expect(summary.2.split(separator: ", ").map { "Cluster A / " + $0 } == listed.map(\.name))

        // The feed entry lists the same components with the same words.
        let feed = try site.output("clusters/a/feed.atom")
        for line in listed {
            let text = "\(line.name): \(line.shown) (\(line.detail))"
            #expect(feed.contains(text.replacingOccurrences(of: "&", with: "&amp;")), "feed lacks \(text)")
        }
    }
}
