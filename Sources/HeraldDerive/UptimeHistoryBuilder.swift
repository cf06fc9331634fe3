import Foundation
import HeraldCore

/// Builds each component's uptime bar (SPEC §4) from the incidents and maintenance of an as-of site.
enum UptimeHistoryBuilder {
    /// Weight of a partial-outage minute in downtime.
    static let partialOutageWeight = 0.3

    /// The history of every component of `site.config`, for the last `historyDays` days up to `now`.
    ///
    /// `site` must already be as of `now` (`SiteSnapshot.asOf`). `current` is the status of each
    /// component at `now` itself: the last day's worst status and incidents include it, so an incident
    /// or window beginning exactly at `now` shows on today's cell even though it has lasted no time yet.
    static func history(of site: Site, now: Date, current: [ComponentState]) -> [ComponentID: UptimeHistory] {
        let config = site.config
        let days = HistoryDays(count: config.historyDays, endingWith: now, in: config.timeZone)
        let period = (start: days.starts.first ?? now, end: now)
        let intervals = Self.intervals(of: site, within: period)
        let started = Dictionary(
            site.incidents.map { ($0.slug, $0.started) }, uniquingKeysWith: { a, _ in a })
        let currentByComponent = Dictionary(
            current.map { ($0.component, $0) }, uniquingKeysWith: { a, _ in a })
        let elapsedMinutes = period.end.timeIntervalSince(period.start) / 60

        var result: [ComponentID: UptimeHistory] = [:]
        for component in config.components where result[component] == nil {
            var bar = Bar(days: days, intervals: intervals[component] ?? [])
            if let state = currentByComponent[component], !days.isEmpty {
                let today = days.count - 1
                bar.worst[today] = max(bar.worst[today], state.status)
                bar.incidents[today].formUnion(state.incidents)
            }
            let uptimeDays = days.starts.indices.map { day in
                UptimeDay(
                    day: days.starts[day], worst: bar.worst[day], downtimeMinutes: bar.downtimeMinutes(day),
                    incidents: Self.newestFirst(bar.incidents[day], started: started))
            }
            let downtime = days.starts.indices.reduce(0) { $0 + bar.downtimeMinutes($1) }
            let percent = elapsedMinutes > 0 ? 100 * (1 - downtime / elapsedMinutes) : 100
            result[component] = UptimeHistory(
                component: component, days: uptimeDays, uptimePercent: min(max(percent, 0), 100))
        }
        return result
    }

    /// Incident slugs, newest started first, then by slug.
    private static func newestFirst(_ slugs: Set<String>, started: [String: Date]) -> [String] {
        slugs.map { (started: started[$0] ?? .distantPast, slug: $0) }
            .sorted { ($0.started, $1.slug) > ($1.started, $0.slug) }
            .map(\.slug)
    }

    /// Per component, the stretches of non-operational status inside `period`, from incidents and
    /// non-cancelled maintenance (each occurrence of a recurring one) that overlap it (others are skipped without looking at their updates).
    static func intervals(
        of site: Site, within period: (start: Date, end: Date)
    ) -> [ComponentID: [StatusInterval]] {
        var result: [ComponentID: [StatusInterval]] = [:]
        func add(
            _ component: ComponentID, _ start: Date, _ end: Date, _ status: ComponentStatus, _ slug: String?
        ) {
            let start = max(start, period.start)
            let end = min(end, period.end)
            guard start < end && status > .operational else { return }
            result[component, default: []].append(
                StatusInterval(start: start, end: end, status: status, incident: slug))
        }

        for incident in site.incidents
        where incident.started < period.end && (incident.resolved ?? period.end) > period.start {
            for segment in incident.impactSegments(until: period.end) where segment.end > period.start {
                for impact in Incident.normalized(segment.impacts) {
                    add(impact.component, segment.start, segment.end, impact.status, incident.slug)
                }
            }
        }
        for maintenance in site.maintenances where !maintenance.cancelled {
            let windows =
                maintenance.recurrence?.occurrences(overlapping: period.start, period.end)
                ?? [MaintenanceOccurrence(start: maintenance.start, end: maintenance.end)]
            for window in windows where window.start < period.end && window.end > period.start {
                for component in Set(maintenance.components) {
                    add(component, window.start, window.end, .underMaintenance, nil)
                }
            }
        }
        return result
    }
}

/// One component's bar while it is being built: per day, the worst status, the incidents, and the
/// seconds spent in major and partial outage.
private struct Bar {
    var worst: [ComponentStatus]
    var incidents: [Set<String>]
    var majorSeconds: [Double]
    var partialSeconds: [Double]

    init(days: HistoryDays, intervals: [StatusInterval]) {
        worst = Array(repeating: .operational, count: days.count)
        incidents = Array(repeating: [], count: days.count)
        majorSeconds = Array(repeating: 0, count: days.count)
        partialSeconds = Array(repeating: 0, count: days.count)
        guard !days.isEmpty else { return }

        // Worst status and incidents: each interval marks the days it overlaps.
        for interval in intervals {
            let first = days.index(containing: interval.start)
            let last = days.index(endingAt: interval.end)
            guard first <= last else { continue }
            for day in first...last {
                worst[day] = max(worst[day], interval.status)
                if let slug = interval.incident { incidents[day].insert(slug) }
            }
        }

        // Downtime: sweep the interval edges in time order, keeping a count of open intervals per
        // status, so overlapping incidents count each moment once, at the worst status.
        var edges: [(time: Date, status: Int, delta: Int)] = []
        edges.reserveCapacity(intervals.count * 2)
        for interval in intervals {
            edges.append((interval.start, interval.status.rawValue, 1))
            edges.append((interval.end, interval.status.rawValue, -1))
        }
        edges.sort { $0.time < $1.time }
        var open = Array(repeating: 0, count: ComponentStatus.allCases.count)
        var day = 0
        var previous = days.starts[0]
        for edge in edges {
            if edge.time > previous {
                let status = open.lastIndex { $0 > 0 }.flatMap(ComponentStatus.init(rawValue:))
                if status == .majorOutage || status == .partialOutage {
                    spread(
                        from: previous, to: edge.time, major: status == .majorOutage, days: days, day: &day)
                }
                previous = edge.time
            }
            open[edge.status] += edge.delta
        }
    }

    /// Adds `[from, to)` to the outage seconds of the days it covers, starting the search at `day`.
    private mutating func spread(from: Date, to: Date, major: Bool, days: HistoryDays, day: inout Int) {
        var from = from
        while from < to && day < days.count {
            if days.ends[day] <= from {
                day += 1
                continue
            }
            let until = min(to, days.ends[day])
            let seconds = until.timeIntervalSince(from)
            if major { majorSeconds[day] += seconds } else { partialSeconds[day] += seconds }
            from = until
        }
    }

    func downtimeMinutes(_ day: Int) -> Double {
        (majorSeconds[day] + UptimeHistoryBuilder.partialOutageWeight * partialSeconds[day]) / 60
    }
}
