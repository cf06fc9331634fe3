import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldTestSupport

/// The example as of 2025-10-06 19:00 UTC: October's uptime agrees across the page, the JSON,
/// the CSV and the uptime bars.
@Suite struct UptimeOutputTests {
    static func files() throws -> [String: Data] {
        let files = try SiteBuilder.render(GoldenSiteTests.options(), fileSystem: LocalFileSystem()).files
        return Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
    }

    static func text(_ files: [String: Data], _ path: String) throws -> String {
        try #require(files[path].flatMap { String(data: $0, encoding: .utf8) }, "\(path) is missing")
    }

    @Test func octoberFiguresAgreeEverywhere() throws {
        let files = try Self.files()
        // Inbound mail on Cluster A, 1 Oct 00:00 EDT (04:00 UTC) → 6 Oct 19:00 UTC = 8,100 min;
        // partial outage 17:30–18:35 (65 × 0.3 = 19.5 min), major outage 18:35–19:00 (25 min):
        // 100 × (1 − 44.5 / 8,100) = 99.4506… → 99.45.
        let csv = try Self.text(files, "uptime/2025.csv")
        #expect(
            csv.contains(
                "a,inbound,Inbound mail,2025-10,2025-10-01T04:00:00Z,2025-10-06T19:00:00Z,99.45,8100.00,44.50,"
                    + "2025-10-06-cluster-a-email\n"))
        #expect(
            csv.contains(
                "b,inbound,Inbound mail,2025-10,2025-10-01T04:00:00Z,2025-10-06T19:00:00Z,100.00,8100.00,0.00,\n"
            ))

        let json =
            try JSONSerialization.jsonObject(with: try #require(files["api/uptime.json"])) as? [String: Any]
        let clusters = try #require(json?["clusters"] as? [[String: Any]])
        func october(_ cluster: String) throws -> [String: Any] {
            let entry = try #require(clusters.first { $0["id"] as? String == cluster })
            let components = try #require(entry["components"] as? [[String: Any]])
            let inbound = try #require(components.first { $0["service"] as? String == "inbound" })
            let figures = try #require(inbound["uptime"] as? [[String: Any]])
            return try #require(figures.first { $0["period"] as? String == "2025-10" })
        }
        #expect((try october("a")["uptime_percent"] as? NSNumber)?.stringValue == "99.45")
        #expect((try october("b")["uptime_percent"] as? NSNumber)?.stringValue == "100")

        let page = try Self.text(files, "uptime/index.html")
        #expect(page.contains("<th scope=\"col\">October 2025</th>"))
        #expect(
            page.contains("<td>99.45% <a class=\"cost\" href=\"../incidents/2025-10-06-cluster-a-email/\">"))

        // The 90-day bar shows the report's 90-day figure, and its October days add up to October's.
        let index = try Self.text(files, "index.html")
        #expect(
            index.contains("<span>Inbound mail</span> <span class=\"uptime-percent\">99.96% uptime</span>"))
        #expect(
            page.contains("<td>99.96% <a class=\"cost\" href=\"../incidents/2025-10-06-cluster-a-email/\">"))
        #expect(index.contains("6 October 2025: Major outage, 44.5 min of downtime"))
    }

    @Test func everyYearOfTheLastTwelveMonthsHasACSV() throws {
        let files = try Self.files()
        #expect(files["uptime/2024.csv"] != nil && files["uptime/2025.csv"] != nil)
        let header =
            "cluster,service,name,month,start,end,uptime_percent,counted_minutes,downtime_minutes,incidents"
        #expect(try Self.text(files, "uptime/2024.csv").hasPrefix(header + "\n"))
    }
}
