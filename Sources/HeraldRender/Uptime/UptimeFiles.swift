import Foundation
import HeraldCore
import HeraldDerive

/// `api/uptime.json` and `uptime/<year>.csv`: the uptime report as data, with the very figures
/// of the `uptime/` page.
package enum UptimeFiles {
    package static func render(site: Site, status: SiteStatus) -> [OutputFile] {
        let report = status.uptime
        let subjects = UptimeSubject.all(report, config: site.config)
        return [json(site: site, status: status, subjects: subjects)]
            + csv(report: report, subjects: subjects)
    }

    // MARK: JSON

    struct Document: Encodable {
        var generatedAt: String
        var timeZone: String
        var formula: Formula
        var periods: [Period]
        var clusters: [ClusterFigures]
    }

    struct Formula: Encodable {
        var majorOutage: Double
        var partialOutage: Double
        var degradedPerformance: Double
        var excludeMaintenance: Bool
        var description: String
    }

    struct Period: Encodable {
        var key: String
        var kind: String
        var start: String
        var end: String
    }

    struct Figure: Encodable {
        var period: String
        /// The page's figure as a number (`99.83`); null when nothing was counted.
        @ExplicitNull var uptimePercent: Decimal?
        var countedMinutes: Decimal
        var downtimeMinutes: Decimal
        var incidents: [String]
    }

    struct ComponentFigures: Encodable {
        var service: String
        var name: String
        @ExplicitNull var since: String?
        var uptime: [Figure]
    }

    struct ClusterFigures: Encodable {
        var id: String
        var name: String
        var uptime: [Figure]
        var components: [ComponentFigures]
    }

    /// How the figures are counted, in words (also on the page).
    static func describe(_ policy: UptimePolicy) -> String {
        "uptime = 100 × (1 − weighted downtime ÷ counted time); a minute of major outage weighs "
            + "\(weight(policy.majorOutage)), of partial outage \(weight(policy.partialOutage)), of degraded "
            + "performance \(weight(policy.degradedPerformance)); maintenance windows "
            + (policy.excludesMaintenance ? "are left out of the counted time" : "count as operational time")
            + "; a component counts from its since date; figures are cut, never rounded up, to two decimals"
    }

    /// `0.3`, `1`: a weight as `site.yml` would spell it.
    static func weight(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    private static func json(
        site: Site, status: SiteStatus, subjects: [(cluster: Cluster, lines: [UptimeSubject])]
    )
        -> OutputFile
    {
        let report = status.uptime
        let policy = report.policy
        let periods =
            report.months.map { period("month", $0) } + report.rolling.map { period("last-days", $0) }
        func figures(_ figures: UptimeFigures) -> [Figure] {
            zip(report.months + report.rolling, figures.months + figures.rolling).map { period, tally in
                Figure(
                    period: period.key, uptimePercent: tally.percentText.flatMap { Decimal(string: $0) },
                    countedMinutes: decimal(tally.countedMinutes),
                    downtimeMinutes: decimal(tally.downtimeMinutes),
                    incidents: tally.incidents.sorted())
            }
        }
        let document = Document(
            generatedAt: Timestamp.format(status.now), timeZone: site.config.timeZone.identifier,
            formula: Formula(
                majorOutage: policy.majorOutage, partialOutage: policy.partialOutage,
                degradedPerformance: policy.degradedPerformance,
                excludeMaintenance: policy.excludesMaintenance,
                description: describe(policy)),
            periods: periods,
            clusters: subjects.map { cluster, lines in
                ClusterFigures(
                    id: cluster.id, name: cluster.name, uptime: figures(lines[0].figures),
                    components: lines.dropFirst().map { line in
                        ComponentFigures(
                            service: line.service ?? "", name: line.name,
                            since: line.since.map(Timestamp.format),
                            uptime: figures(line.figures))
                    })
            })
        return OutputFile(path: SitePaths.uptimeJSON, contents: JSONDocument.encode(document))
    }

    private static func period(_ kind: String, _ period: UptimePeriod) -> Period {
        Period(
            key: period.key, kind: kind, start: Timestamp.format(period.start),
            end: Timestamp.format(period.end))
    }

    private static func decimal(_ minutes: Double) -> Decimal {
        Decimal(string: MinutesText.format(minutes)) ?? 0
    }

    // MARK: CSV

    static let csvHeader = [
        "cluster", "service", "name", "month", "start", "end", "uptime_percent", "counted_minutes",
        "downtime_minutes", "incidents",
    ]

    /// One file per calendar year of the report's months, months oldest first, each month's lines
    /// in the page's order.
    private static func csv(report: UptimeReport, subjects: [(cluster: Cluster, lines: [UptimeSubject])])
        -> [OutputFile]
    {
        var years: [Int: [String]] = [:]
        for (index, month) in report.months.enumerated().reversed() {
            guard case .month(let year, _) = month.kind else { continue }
            for (_, lines) in subjects {
                for line in lines where index < line.figures.months.count {
                    let tally = line.figures.months[index]
                    let fields = [
                        line.cluster.id, line.service ?? "", line.name, month.key,
                        Timestamp.format(month.start),
                        Timestamp.format(month.end), tally.percentText ?? "",
                        MinutesText.format(tally.countedMinutes), MinutesText.format(tally.downtimeMinutes),
                        tally.incidents.sorted().joined(separator: " "),
                    ]
                    years[year, default: []].append(fields.map(csvField).joined(separator: ","))
                }
            }
        }
        let header = csvHeader.joined(separator: ",")
        return years.sorted { $0.key < $1.key }.map { year, rows in
            OutputFile(
                path: SitePaths.uptimeCSV(year: year),
                text: ([header] + rows).map { $0 + "\n" }.joined())
        }
    }

    /// RFC 4180 quoting; a text starting like a spreadsheet formula gets a leading `'`, so a name
    /// from `site.yml` can never become a formula in a reseller's spreadsheet.
    static func csvField(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
