import Foundation
import HeraldCore

/// A stretch of an incident's life during which one statement of its impact holds.
struct ImpactSegment: Hashable, Sendable {
    var start: Date
    var end: Date
    var impacts: [ComponentImpact]
}

extension Incident {
    /// Started at or before `now` and not resolved at `now` (a reopened incident is ongoing again).
    func isOngoing(at now: Date) -> Bool {
        started <= now && !isResolved(at: now)
    }

    /// The statements of impact in time order: front matter at `started`, then each update that has
    /// `affected` (never before `started`). Updates at the same instant keep their file order.
    func statements() -> [(at: Date, impacts: [ComponentImpact])] {
        let stated = updates.enumerated()
            .compactMap { index, update in update.affected.map { (index, update.at, $0) } }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        return [(started, affected)] + stated.map { (max($0.1, started), $0.2) }
    }

    /// The impact in force at `now` (SPEC §4): the `affected` of the latest update at or before `now`
    /// that has one, else the front matter's. A later statement replaces the whole list.
    package func impacts(at now: Date) -> [ComponentImpact] {
        var current = affected
        var currentAt = Date.distantPast
        for update in updates where update.at <= now && update.at >= currentAt {
            if let stated = update.affected {
                current = stated
                currentAt = update.at
            }
        }
        return Self.normalized(current)
    }

    /// The phase announced by the newest update at or before `now`; `resolved` once resolved.
    func phase(at now: Date) -> IncidentPhase {
        if isResolved(at: now) { return .resolved }
        var phase = IncidentPhase.investigating
        var phaseAt = Date.distantPast
        for update in updates where update.at <= now && update.at >= phaseAt {
            phase = update.status
            phaseAt = update.at
        }
        return phase
    }

    /// The incident's life up to `now` (or its resolution), cut where a statement changes its impact,
    /// without the stretches it stood resolved before a reopening. Empty segments are left out.
    func impactSegments(until now: Date) -> [ImpactSegment] {
        let stretches = resolvedStretches
        let segments = openSegments(until: now)
        guard !stretches.isEmpty else { return segments }
        return segments.flatMap { segment in
            var pieces = [segment]
            for stretch in stretches {
                pieces = pieces.flatMap { piece -> [ImpactSegment] in
                    var kept: [ImpactSegment] = []
                    if piece.start < min(piece.end, stretch.resolved) {
                        kept.append(
                            ImpactSegment(
                                start: piece.start, end: min(piece.end, stretch.resolved),
                                impacts: piece.impacts))
                    }
                    if max(piece.start, stretch.reopened) < piece.end {
                        kept.append(
                            ImpactSegment(
                                start: max(piece.start, stretch.reopened), end: piece.end,
                                impacts: piece.impacts))
                    }
                    return kept
                }
            }
            return pieces
        }
    }

    private func openSegments(until now: Date) -> [ImpactSegment] {
        let end = min(resolved ?? now, now)
        guard started < end else { return [] }
        let points = statements()
        var segments: [ImpactSegment] = []
        for (index, point) in points.enumerated() {
            let segmentEnd = index + 1 < points.count ? min(points[index + 1].at, end) : end
            if point.at < segmentEnd {
                segments.append(ImpactSegment(start: point.at, end: segmentEnd, impacts: point.impacts))
            }
            if segmentEnd >= end { break }
        }
        return segments
    }

    /// One entry per component (its worst status if listed twice), in first-listed order.
    package static func normalized(_ impacts: [ComponentImpact]) -> [ComponentImpact] {
        var position: [ComponentID: Int] = [:]
        var result: [ComponentImpact] = []
        for impact in impacts {
            if let index = position[impact.component] {
                result[index].status = max(result[index].status, impact.status)
            } else {
                position[impact.component] = result.count
                result.append(impact)
            }
        }
        return result
    }
}
