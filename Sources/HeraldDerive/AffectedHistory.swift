import Foundation
import HeraldCore

/// One component an incident affected at some time, as every output shows it (SPEC §3.2).
package struct AffectedComponent: Hashable, Sendable, Encodable {
    package var component: ComponentID
    /// The worst status the incident gave it up to `now`.
    package var worst: ComponentStatus
    /// The status the incident gives it at `now`: operational once it recovered, or the incident
    /// is resolved.
    package var current: ComponentStatus
    /// How long, up to `now`, the incident gave it a status other than operational (resolved
    /// stretches before a reopening left out).
    package var impaired: TimeInterval
    /// While it is impaired at `now`: since when, without a break. Pages say "impaired since …"
    /// rather than a duration that grows with every build.
    package var impairedSince: Date?

    package init(
        component: ComponentID, worst: ComponentStatus, current: ComponentStatus, impaired: TimeInterval,
        impairedSince: Date? = nil
    ) {
        self.component = component
        self.worst = worst
        self.current = current
        self.impaired = impaired
        self.impairedSince = impairedSince
    }

    /// The impaired time before the current stretch (all of it when not impaired now).
    package func impairedBefore(_ now: Date) -> TimeInterval {
        guard let impairedSince else { return impaired }
        return max(0, impaired - now.timeIntervalSince(impairedSince))
    }
}

extension Incident {
    /// Every component the incident affected at any time up to `now`: while it is ongoing, those it
    /// impairs now first (in the order of the impact in force), then the others; each group in
    /// first-stated order.
    package func affectedHistory(asOf now: Date) -> [AffectedComponent] {
        var worst: [ComponentID: ComponentStatus] = [:]
        var order: [ComponentID] = []
        for impact in statedImpacts(asOf: now) {
            if worst[impact.component] == nil { order.append(impact.component) }
            worst[impact.component] = max(worst[impact.component] ?? .operational, impact.status)
        }
        var impaired: [ComponentID: TimeInterval] = [:]
        // Component → start and end of its latest unbroken impaired stretch.
        var stretch: [ComponentID: (start: Date, end: Date)] = [:]
        for segment in impactSegments(until: now) {
            for impact in Self.normalized(segment.impacts) where impact.status > .operational {
                impaired[impact.component, default: 0] += segment.end.timeIntervalSince(segment.start)
                if let last = stretch[impact.component], last.end == segment.start {
                    stretch[impact.component] = (last.start, segment.end)
                } else {
                    stretch[impact.component] = (segment.start, segment.end)
                }
            }
        }
        let current = isOngoing(at: now) ? impacts(at: now).filter { $0.status > .operational } : []
        let currentStatus = Dictionary(current.map { ($0.component, $0.status) }, uniquingKeysWith: max)
        let first = current.map(\.component)
        let ordered = first + order.filter { currentStatus[$0] == nil }
        return ordered.map { component in
            AffectedComponent(
                component: component, worst: worst[component] ?? currentStatus[component] ?? .operational,
                current: currentStatus[component] ?? .operational, impaired: impaired[component] ?? 0,
                impairedSince: currentStatus[component] == nil ? nil : stretch[component]?.start)
        }
    }
}
