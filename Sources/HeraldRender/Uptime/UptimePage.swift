import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `uptime/`: every cluster's and component's uptime per month and over the last 30, 90 and
/// 365 days, each figure linked to the incidents that cost it.
struct UptimePage: Sendable, Encodable {
    /// One figure of the tables.
    struct CellView: Sendable, Encodable {
        /// `99.83%`; nil when nothing was counted (before `since`).
        var cellPercent: String?
        var costs: [CostView]
    }

    /// A link from a figure to an incident that cost it, by its number in the page's list.
    struct CostView: Sendable, Encodable {
        var number: Int
        var href: String
        var title: String
    }

    struct LineView: Sendable, Encodable {
        var name: String
        var isCluster: Bool
        var badge: StatusBadge
        var rolling: [CellView]
        var months: [CellView]
    }

    struct ClusterView: Sendable, Encodable {
        var id: String
        var name: String
        var href: String
        var lines: [LineView]
    }

    struct IncidentView: Sendable, Encodable {
        var number: Int
        var title: String
        var href: String
        var start: String
        var startISO: String
    }

    struct WeightView: Sendable, Encodable {
        var status: String
        var weight: String
    }

    var layout: PageLayout
    var asOf: String
    var asOfISO: String
    var weights: [WeightView]
    var excludesMaintenance: Bool
    var rollingHeaders: [String]
    var monthHeaders: [String]
    var clusters: [ClusterView]
    var incidents: [IncidentView]
    var jsonHref: String
    var csv: [LinkView]

    static func job(_ context: RenderContext) -> PageJob {
        let path = SitePaths.uptime
        let root = RenderContext.root(for: path)
        let report = context.status.uptime
        let subjects = UptimeSubject.all(report, config: context.site.config)

        // Every incident that cost any figure, newest first, numbered for the tables.
        var costly = Set<String>()
        for (_, lines) in subjects {
            for line in lines {
                for tally in line.figures.months + line.figures.rolling { costly.formUnion(tally.incidents) }
            }
        }
        let incidents = costly.compactMap { context.incidentsBySlug[$0] }
            .sorted { ($0.started, $1.slug) > ($1.started, $0.slug) }
        let numbers = Dictionary(
            incidents.enumerated().map { ($1.slug, $0 + 1) }, uniquingKeysWith: { a, _ in a })

        func cell(_ tally: UptimeTally) -> CellView {
            CellView(
                cellPercent: tally.percentText.map { "\($0)%" },
                costs: tally.incidents.compactMap { slug in
                    guard let number = numbers[slug], let incident = context.incidentsBySlug[slug] else {
                        return nil
                    }
                    return CostView(
                        number: number, href: root + SitePaths.incident(slug), title: incident.title)
                }.sorted { $0.number < $1.number })
        }
        let states = Dictionary(
            context.status.components.map { ($0.component, $0.status) }, uniquingKeysWith: { a, _ in a })
        let clusters = subjects.map { cluster, lines in
            ClusterView(
                id: cluster.id, name: cluster.name, href: root + SitePaths.cluster(cluster.id),
                lines: lines.map { line in
                    let status =
                        line.service.map {
                            states[ComponentID(cluster: cluster.id, service: $0)] ?? .operational
                        }
                        ?? context.status.clusters[cluster.id] ?? .operational
                    return LineView(
                        name: line.name, isCluster: line.service == nil, badge: StatusBadge(status),
                        rolling: line.figures.rolling.map(cell), months: line.figures.months.map(cell))
                })
        }
        let policy = report.policy
        let years = Set(
            report.months.compactMap { period -> Int? in
                if case .month(let year, _) = period.kind { return year }
                return nil
            })
        let model = UptimePage(
            layout: context.layout(
                path: path, title: "Uptime", description: "Uptime of every cluster and service by month",
                section: .uptime, showsLiveStatus: true),
            asOf: context.clock.dateTime(context.status.now), asOfISO: Timestamp.format(context.status.now),
            weights: [
                WeightView(
                    status: ComponentStatus.majorOutage.label, weight: UptimeFiles.weight(policy.majorOutage)),
                WeightView(
                    status: ComponentStatus.partialOutage.label,
                    weight: UptimeFiles.weight(policy.partialOutage)),
                WeightView(
                    status: ComponentStatus.degradedPerformance.label,
                    weight: UptimeFiles.weight(policy.degradedPerformance)),
            ],
            excludesMaintenance: policy.excludesMaintenance,
            rollingHeaders: report.rolling.compactMap { period in
                if case .lastDays(let days) = period.kind { return "Last \(days) days" }
                return nil
            },
            monthHeaders: report.months.map { context.clock.month($0.start) },
            clusters: clusters,
            incidents: incidents.map { incident in
                IncidentView(
                    number: numbers[incident.slug] ?? 0, title: incident.title,
                    href: root + SitePaths.incident(incident.slug),
                    start: context.clock.dateTime(incident.started),
                    startISO: Timestamp.format(incident.started))
            },
            jsonHref: root + SitePaths.uptimeJSON,
            csv: years.sorted(by: >).map {
                LinkView(title: "\($0)", href: root + SitePaths.uptimeCSV(year: $0))
            })
        return PageJob(path: path, template: "uptime", model: model)
    }
}
