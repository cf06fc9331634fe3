import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldTestSupport

/// The JSON-LD of incident, maintenance and post pages, parsed back from the built HTML.
@Suite struct StructuredDataTests {
    typealias Object = [String: Any]

    /// Q&A text written to end the script element or break the JSON inside it.
    static let hostileQuestion =
        "Does </script><script>alert(1)</script> end it? <!-- or \u{2028}this\u{2029}?"
    static let hostileAnswer = "No: `</SCRIPT >` and <!-- stay text; so do \\\"quotes\\\" & \u{2028}."

    static let incident = """
        ---
        title: "Hostile </script><!-- title\\u2028ends\\u2029here"
        started: 2025-10-06T17:30:00Z
        affected:
          - cluster: a
            services: [inbound]
            status: partial-outage
        questions:
          - q: "\(hostileQuestion)"
            a: "\(hostileAnswer)"
          - q: Second?
            a: Yes.
        ---
        Body.
        """

    static let cancelled = """
        ---
        title: Called-off window
        window:
          start: 2025-10-20T06:00:00Z
          end: 2025-10-20T08:00:00Z
        cancelled: true
        affected:
          - cluster: b
            services: [imap]
        ---
        Not happening.
        """

    static let moved = """
        ---
        title: Moved window
        window:
          start: 2025-10-22T06:00:00Z
          end: 2025-10-22T08:00:00Z
        rescheduled:
          - at: 2025-10-07T12:00:00Z
            start: 2025-10-15T06:00:00Z
            end: 2025-10-15T08:00:00Z
        affected:
          - cluster: b
            services: [imap]
        ---
        Moved a week.
        """

    static let files: [OutputFile] = {
        guard let site = try? HeraldProcess.copyOfExampleSite() else { return [] }
        try? incident.write(
            toFile: "\(site)/Content/incidents/2025-10-06-hostile.md", atomically: true, encoding: .utf8)
        try? cancelled.write(
            toFile: "\(site)/Content/maintenance/2025-10-20-called-off.md", atomically: true, encoding: .utf8)
        try? moved.write(
            toFile: "\(site)/Content/maintenance/2025-10-22-moved.md", atomically: true, encoding: .utf8)
        return
            (try? SiteBuilder.render(
                BuildOptions(siteRoot: site, now: Timestamp.parse("2025-10-08T00:00:00Z")!),
                fileSystem: LocalFileSystem()
            ).files) ?? []
    }()

    /// Every `<script type="application/ld+json">` of the page, as the HTML parser sees it (the
    /// element ends at the first `</script`), parsed with `JSONSerialization`.
    func scripts(_ path: String) throws -> [Object] {
        let file = try #require(Self.files.first { $0.path == path }, "no \(path)")
        let html = String(decoding: file.contents, as: UTF8.self)
        let open = "<script type=\"application/ld+json\">"
        return try html.components(separatedBy: open).dropFirst().map { rest in
            let end = try #require(rest.range(of: "</script", options: .caseInsensitive))
            let json = String(rest[..<end.lowerBound])
            #expect(!json.contains("<"), "no markup inside the script: \(json)")
            #expect(!json.contains("\u{2028}") && !json.contains("\u{2029}"))
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? Object)
        }
    }

    @Test func incidentQAIsAnFAQPageThatSurvivesHostileText() throws {
        let scripts = try scripts("incidents/2025-10-06-hostile/index.html")
        #expect(scripts.count == 1)
        let faq = try #require(scripts.first)
        #expect(faq["@context"] as? String == "https://schema.org")
        #expect(faq["@type"] as? String == "FAQPage")
        #expect(faq["name"] as? String == "Hostile </script><!-- title\u{2028}ends\u{2029}here")
        #expect(faq["url"] as? String == "https://status.example.com/incidents/2025-10-06-hostile/")
        let questions = try #require(faq["mainEntity"] as? [Object])
        #expect(questions.map { $0["@type"] as? String } == ["Question", "Question"])
        let first = try #require(questions.first)
        // The question as plain text: its raw HTML dropped, as on the page; the rest kept.
        #expect(first["name"] as? String == "Does alert(1) end it? <!– or this ?")
        let answer = try #require(first["acceptedAnswer"] as? Object)
        #expect(answer["@type"] as? String == "Answer")
        let text = try #require(answer["text"] as? String)
        #expect(text.hasPrefix("<p>No: <code>&lt;/SCRIPT &gt;</code> and "))
        #expect(text.contains("\u{2028}"))
        #expect((questions[1]["acceptedAnswer"] as? Object)?["text"] as? String == "<p>Yes.</p>\n")
        #expect((first["url"] as? String)?.hasPrefix(faq["url"] as? String ?? "-") == true)
    }

    @Test func theExampleIncidentAndPostCarryTheirQA() throws {
        for path in [
            "incidents/2025-10-06-cluster-a-email/index.html",
            "blog/2025-10-06-cluster-a-questions-and-answers/index.html",
        ] {
            let faq = try #require(try scripts(path).first)
            #expect(faq["@type"] as? String == "FAQPage")
            #expect((faq["mainEntity"] as? [Object])?.count == 7, "\(path)")
        }
        #expect(try scripts("index.html").isEmpty)
        #expect(try scripts("history/index.html").isEmpty)
    }

    @Test func maintenanceIsAnEventWithItsStatus() throws {
        let upgrade = try #require(
            try scripts("maintenance/2025-10-15-cluster-b-storage-upgrade/index.html").first)
        let graph = try #require(upgrade["@graph"] as? [Object])
        #expect(graph.map { $0["@type"] as? String } == ["Event", "FAQPage"])
        let event = graph[0]
        #expect(event["name"] as? String == "Cluster B mailbox storage upgrade")
        #expect(event["startDate"] as? String == "2025-10-15T06:00:00Z")
        #expect(event["endDate"] as? String == "2025-10-15T08:00:00Z")
        #expect(event["eventStatus"] as? String == "https://schema.org/EventScheduled")
        #expect(event["previousStartDate"] == nil)
        #expect(event["eventAttendanceMode"] as? String == "https://schema.org/OnlineEventAttendanceMode")
        #expect((event["location"] as? Object)?["@type"] as? String == "VirtualLocation")

        let calledOff = try #require(try scripts("maintenance/2025-10-20-called-off/index.html").first)
        #expect(calledOff["@context"] as? String == "https://schema.org")
        #expect(calledOff["@type"] as? String == "Event")
        #expect(calledOff["eventStatus"] as? String == "https://schema.org/EventCancelled")

        let moved = try #require(try scripts("maintenance/2025-10-22-moved/index.html").first)
        #expect(moved["eventStatus"] as? String == "https://schema.org/EventRescheduled")
        #expect(moved["startDate"] as? String == "2025-10-22T06:00:00Z")
        #expect(moved["previousStartDate"] as? String == "2025-10-15T06:00:00Z")
    }

    @Test func scriptJSONEscapesWhatCouldEndTheElement() {
        #expect(
            ScriptJSON.string("</script><!--\u{2028}\u{2029}&\"\\\n\u{1}")
                == #""\u003c/script\u003e\u003c!--\u2028\u2029\u0026\"\\\n\u0001""#)
    }

    /// Characters whose UTF-8 form shares bytes with U+2028 (`E2 80 A8`) pass unchanged, and a
    /// JSON parser reads every string back as it was.
    @Test func scriptJSONKeepsOtherTextAsItIs() throws {
        let texts = [
            "Café – 5 … “quoted” \u{2027}\u{202A} 👩‍💻 ok", "\u{E2}\u{80}", "\u{7F}\u{2028}x\u{2029}", "",
        ]
        for text in texts {
            let literal = ScriptJSON.string(text)
            #expect(!literal.contains("\u{2028}") && !literal.contains("\u{2029}") && !literal.contains("<"))
            let parsed = try JSONSerialization.jsonObject(
                with: Data(literal.utf8), options: .fragmentsAllowed)
            #expect(parsed as? String == text)
        }
        #expect(ScriptJSON.string("– …") == "\"– …\"")
    }
}
