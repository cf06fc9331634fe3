import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldTestSupport

/// Content written to attack readers never reaches a page, feed or API file as markup.
@Suite struct HostileContentTests {
    static let incident = """
        ---
        title: "<img src=x onerror=alert(1)> & \\"quoted\\" 'single'"
        started: 2025-10-06T17:30:00Z
        affected:
          - cluster: a
            services: [inbound]
            status: partial-outage
        updates:
          - at: 2025-10-06T17:45:00Z
            status: investigating
            message: |
              See [details](javascript:alert(1)) and [more](JaVaScRiPt:alert(2)) or ![x](javascript:alert(3)).
              <script>alert(4)</script>
        questions:
          - q: "Is <b>this</b> [safe](vbscript:msgbox)?"
            a: |
              <iframe src="https://evil.example"></iframe>

              Inline <span onmouseover="alert(7)">markup</span> goes; [ok](https://example.com/) stays.
        ---
        <div onclick="alert(5)">Body</div>

        A [data link](data:text/html,<script>alert(6)</script>) loses its target.
        """

    @Test func hostileMarkupIsEscapedOrDroppedEverywhere() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        try Self.incident.write(
            toFile: "\(site)/Content/incidents/2025-10-06-hostile.md", atomically: true, encoding: .utf8)
        let files = try SiteBuilder.render(
            BuildOptions(siteRoot: site, now: Timestamp.parse("2025-10-06T19:00:00Z")!),
            fileSystem: LocalFileSystem()
        ).files

        let page = try #require(files.first { $0.path == "incidents/2025-10-06-hostile/index.html" })
        let html = String(decoding: page.contents, as: UTF8.self)
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;"))
        #expect(html.contains("See details and more or x."), "link text stays, the links go")
        #expect(html.contains("<p>Inline markup goes; <a href=\"https://example.com/\">ok</a> stays.</p>"))
        #expect(html.contains("<p>A data link loses its target.</p>"))

        for file in files {
            // The one script element Herald writes is JSON-LD data (StructuredDataTests reads it).
            let text = String(decoding: file.contents, as: UTF8.self).lowercased()
                .replacingOccurrences(of: "<script type=\"application/ld+json\">", with: "")
            for forbidden in [
                "<script", "<iframe", "<img src=x", "<div onclick", "javascript:", "vbscript:",
                "data:text/html",
            ]
            where text.contains(forbidden) {
                // The API serves update bodies as their Markdown source, as Statuspage serves
                // plain text: there the raw text is data inside a JSON string, not markup.
                let isJSONString = file.path.hasSuffix(".json")
                #expect(isJSONString, "\(file.path) contains \(forbidden)")
            }
        }
    }
}
