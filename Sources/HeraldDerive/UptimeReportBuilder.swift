import Foundation
import HeraldCore

/// Builds the uptime report and the timelines it shares with the uptime bars.
enum UptimeReportBuilder {
    /// The calendar months of the report, the one holding `now` first, each ending at `now` at most.
    static func months(endingWith now: Date, in timeZone: TimeZone) -> [UptimePeriod] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month], from: now)
        guard let year = parts.year, let month = parts.month else { return [] }
        func start(_ offset: Int) -> (year: Int, month: Int, date: Date)? {
            let total = year * 12 + (month - 1) - offset
            let (y, m) = (total / 12, total % 12 + 1)
            return calendar.date(from: DateComponents(year: y, month: m, day: 1)).map { (y, m, $0) }
        }
        return (0..<UptimeReport.monthCount).compactMap { offset in
            guard let first = start(offset) else { return nil }
            let next = offset == 0 ? now : (start(offset - 1)?.date ?? now)
            return UptimePeriod(
                kind: .month(year: first.year, month: first.month), start: first.date, end: next)
        }
    }

    /// The last N days, as an N-day uptime bar counts them.
    static func lastDays(_ count: Int, endingWith now: Date, in timeZone: TimeZone) -> UptimePeriod {
        let days = HistoryDays(count: count, endingWith: now, in: timeZone)
        return UptimePeriod(kind: .lastDays(count), start: days.starts.first ?? now, end: now)
    }

    /// Every component's timeline, from its intervals.
    static func timelines(of config: SiteConfig, intervals: [ComponentID: [StatusInterval]])
        -> [ComponentID: UptimeTimeline]
    {
        var result: [ComponentID: UptimeTimeline] = [:]
        for component in config.components where result[component] == nil {
            result[component] = UptimeTimeline(
                intervals: intervals[component] ?? [], since: config.since(of: component),
                policy: config.uptime)
        }
        return result
    }

    /// The report and the uptime bars, from one set of timelines.
    static func derive(
        _ site: Site, now: Date, current: [ComponentState]
    ) -> (report: UptimeReport, history: [ComponentID: UptimeHistory]) {
        let config = site.config
        let months = months(endingWith: now, in: config.timeZone)
        let rolling = UptimeReport.rollingDays.map { lastDays($0, endingWith: now, in: config.timeZone) }
        let bars = HistoryDays(count: config.historyDays, endingWith: now, in: config.timeZone)
        let from = ([bars.starts.first ?? now] + months.map(\.start) + rolling.map(\.start)).min() ?? now
        let intervals = UptimeHistoryBuilder.intervals(of: site, within: (from, now))
        let timelines = timelines(of: config, intervals: intervals)

        var components: [ComponentID: UptimeFigures] = [:]
        for (component, timeline) in timelines {
            components[component] = UptimeFigures(
                months: months.map { timeline.tally(from: $0.start, to: $0.end) },
                rolling: rolling.map { timeline.tally(from: $0.start, to: $0.end) })
        }
        var clusters: [String: UptimeFigures] = [:]
        for cluster in config.clusters {
            let figures = cluster.serviceIDs.compactMap {
                components[ComponentID(cluster: cluster.id, service: $0)]
            }
            clusters[cluster.id] = UptimeFigures(
                months: months.indices.map { index in
                    figures.reduce(UptimeTally()) { $0.adding($1.months[index]) }
                },
                rolling: rolling.indices.map { index in
                    figures.reduce(UptimeTally()) { $0.adding($1.rolling[index]) }
                })
        }
        let report = UptimeReport(
            policy: config.uptime, months: months, rolling: rolling, components: components,
            clusters: clusters)
        let history = UptimeHistoryBuilder.history(
            of: site, now: now, current: current, days: bars, intervals: intervals, timelines: timelines)
        return (report, history)
    }
}
