import Foundation
import HeraldCore

/// Builds each component's uptime bar (SPEC §4) from the incidents and maintenance of an as-of site.
enum UptimeHistoryBuilder {
    /// The history of every component of `site.config`, over `days` up to `now`.
    ///
    /// `site` must already be as of `now` (`SiteSnapshot.asOf`); `intervals` reach back at least to
    /// the first day, and `timelines` count the downtime, as for the uptime report. `current` is the
    /// status of each component at `now` itself: the last day's worst status and incidents include
    /// it, so an incident or window beginning exactly at `now` shows on today's cell even though it
    /// has lasted no time yet.
    static func history(
        of site: Site, now: Date, current: [ComponentState], days: HistoryDays,
        intervals: [ComponentID: [StatusInterval]], timelines: [ComponentID: UptimeTimeline]
    ) -> [ComponentID: UptimeHistory] {
        let config = site.config
        let periodStart = days.starts.first ?? now
        let started = Dictionary(
            site.incidents.map { ($0.slug, $0.started) }, uniquingKeysWith: { a, _ in a })
        let currentByComponent = Dictionary(
            current.map { ($0.component, $0) }, uniquingKeysWith: { a, _ in a })

        var result: [ComponentID: UptimeHistory] = [:]
        for component in config.components where result[component] == nil {
            let timeline =
                timelines[component]
                ?? UptimeTimeline(intervals: [], since: config.since(of: component), policy: config.uptime)
            var bar = Bar(days: days, intervals: (intervals[component] ?? []).filter { $0.end > periodStart })
            if let state = currentByComponent[component], !days.isEmpty {
                let today = days.count - 1
                bar.worst[today] = max(bar.worst[today], state.status)
                bar.incidents[today].formUnion(state.incidents)
            }
            let uptimeDays = days.starts.indices.map { day in
                let tally = timeline.tally(from: days.starts[day], to: min(days.ends[day], now))
                return UptimeDay(
                    day: days.starts[day], worst: bar.worst[day], downtimeMinutes: tally.downtimeMinutes,
                    incidents: Self.newestFirst(bar.incidents[day], started: started),
                    inService: timeline.since.map { $0 < days.ends[day] } ?? true)
            }
            result[component] = UptimeHistory(
                component: component, days: uptimeDays, tally: timeline.tally(from: periodStart, to: now))
        }
        return result
    }

    /// Incident slugs, newest started first, then by slug.
    static func newestFirst(_ slugs: Set<String>, started: [String: Date]) -> [String] {
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

/// One component's bar while it is being built: per day, the worst status and the incidents.
private struct Bar {
    var worst: [ComponentStatus]
    var incidents: [Set<String>]

    init(days: HistoryDays, intervals: [StatusInterval]) {
        worst = Array(repeating: .operational, count: days.count)
        incidents = Array(repeating: [], count: days.count)
        guard !days.isEmpty else { return }
        // Each interval marks the days it overlaps.
        for interval in intervals {
            let first = days.index(containing: interval.start)
            let last = days.index(endingAt: interval.end)
            guard first <= last else { continue }
            for day in first...last {
                worst[day] = max(worst[day], interval.status)
                if let slug = interval.incident { incidents[day].insert(slug) }
            }
        }
    }
}
