import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldTestSupport

/// Badges, the embeddable status, cluster summaries and share cards, on the example as of
/// 2025-10-06 19:00 UTC (Cluster A in a major outage, Cluster B operational).
@Suite struct ResellerOutputTests {
    static func text(_ files: [String: Data], _ path: String) throws -> String {
        try #require(files[path].flatMap { String(data: $0, encoding: .utf8) }, "\(path) is missing")
    }

    static func build(siteRoot: String = RepositoryPaths.root) throws -> [String: Data] {
        var options = try GoldenSiteTests.options()
        options = BuildOptions(siteRoot: siteRoot, outputDirectory: options.outputDirectory, now: options.now)
        let files = try SiteBuilder.render(options, fileSystem: LocalFileSystem()).files
        return Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func badgesSayTheStatusInWordsAndAreAccessible() throws {
        let files = try Self.build()
        let badge = try Self.text(files, "badges/a/inbound.svg")
        #expect(badge.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(badge.contains("role=\"img\" aria-label=\"Cluster A / Inbound mail: Major outage\""))
        #expect(badge.contains("<title>Cluster A / Inbound mail: Major outage</title>"))
        #expect(badge.contains("fill=\"#cf222e\""))
        #expect(try Self.text(files, "badges/b.svg").contains("<title>Cluster B: Operational</title>"))
        #expect(try Self.build()["badges/a/inbound.svg"] == files["badges/a/inbound.svg"], "same bytes")
        let cluster = try Self.text(files, "clusters/a/index.html")
        #expect(
            cluster.contains(
                "[![Cluster A / Webmail status](https://status.example.com/badges/a/webmail.svg)]"
                    + "(https://status.example.com/clusters/a/)"))
    }

    @Test func theEmbedIsCompactScriptFreeAndOpensLinksInTheTopWindow() throws {
        let files = try Self.build()
        let embed = try Self.text(files, "embed/a/index.html")
        #expect(embed.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(embed.contains("<base target=\"_top\">"))
        #expect(embed.contains("href=\"../../assets/embed.css\""))
        #expect(
            !embed.contains("<script") && !embed.contains("site-header") && !embed.contains("site-footer"))
        #expect(embed.contains("Cluster A email service issues"))
        #expect(embed.contains("Full status on Example Mail Status"))
        #expect(try Self.text(files, "embed/b/index.html").contains("Cluster B mailbox storage upgrade"))

        let sitemap = try Self.text(files, "sitemap.xml")
        #expect(sitemap.contains("<loc>https://status.example.com/uptime/</loc>"))
        #expect(!sitemap.contains("embed/") && !sitemap.contains("badges/"))

        let summary = try JSONSerialization.jsonObject(with: try #require(files["api/clusters/a.json"]))
        let cluster = (summary as? [String: Any])?["cluster"] as? [String: Any]
        #expect(cluster?["status"] as? String == "major-outage")
        #expect((cluster?["uptime"] as? [String: Any])?["90d"] as? String == "99.96")
    }

    @Test func whiteLabelLeavesTheSiteNameOffTheEmbed() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let yml = "\(site)/Content/site.yml"
        let text = try String(contentsOfFile: yml, encoding: .utf8)
        try text.replacingOccurrences(of: "white_label: false", with: "white_label: true")
            .write(toFile: yml, atomically: true, encoding: .utf8)

        let embed = try Self.text(try Self.build(siteRoot: site), "embed/a/index.html")

        #expect(!embed.contains("Example Mail Status"))
        #expect(embed.contains("<title>Cluster A status</title>"))
        #expect(embed.contains(">Full status</a>"))
    }

    @Test func sharedLinksSayWhatIsGoingOn() throws {
        let files = try Self.build()
        let incident = try Self.text(files, "incidents/2025-10-06-cluster-a-email/index.html")
        #expect(
            incident.contains(
                "<meta property=\"og:title\" content=\"Identified — Cluster A email service issues\">"))
        #expect(incident.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(
            incident.contains(
                "<meta property=\"og:url\" content=\"https://status.example.com/incidents/2025-10-06-cluster-a-email/\">"
            ))
        #expect(
            incident.contains(
                "<meta property=\"og:image\" content=\"https://status.example.com/assets/share-card.png\">"))
        #expect(
            incident.contains("<meta property=\"og:description\" content=\"Affects Cluster A: Inbound mail"))
        #expect(incident.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        let index = try Self.text(files, "index.html")
        #expect(
            index.contains(
                "<meta property=\"og:title\" content=\"Major System Outage — Example Mail Status\">"))
        let png = try #require(files["assets/share-card.png"])
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test func aClusterAddedLaterCountsFromItsSince() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let yml = "\(site)/Content/site.yml"
        let text = try String(contentsOfFile: yml, encoding: .utf8)
        try text.replacingOccurrences(
            of: "    name: Cluster B\n", with: "    name: Cluster B\n    since: 2025-10-03\n"
        )
        .write(toFile: yml, atomically: true, encoding: .utf8)

        let files = try Self.build(siteRoot: site)

        // 3 Oct 00:00 EDT → 6 Oct 19:00 UTC: 3 days 15 hours = 5,220 minutes; September not at all.
        let csv = try Self.text(files, "uptime/2025.csv")
        #expect(
            csv.contains(
                "b,inbound,Inbound mail,2025-10,2025-10-01T04:00:00Z,2025-10-06T19:00:00Z,100.00,5220.00,0.00,\n"
            ))
        #expect(
            csv.contains(
                "b,inbound,Inbound mail,2025-09,2025-09-01T04:00:00Z,2025-10-01T04:00:00Z,,0.00,0.00,\n"))
        #expect(
            try Self.text(files, "uptime/index.html").contains(
                "<span class=\"not-counted\">not in service</span>"))
        #expect(try Self.text(files, "index.html").contains("2 October 2025: not in service yet"))
        #expect(try Self.text(files, "api/v2/components.json").contains("\"start_date\" : \"2025-10-03\""))
    }
}
