import Foundation
import HeraldCore

/// A stretch of a component's time that is not plain operational time: it costs downtime, or it
/// does not count at all (maintenance, when the policy excludes it).
struct UptimeSlice: Hashable, Sendable {
    var start: Date
    var end: Date
    /// Downtime cost of each second (the policy's weight of the worst incident status then).
    var weight: Double
    var counted: Bool
    /// The incidents at that worst status, whose downtime this is.
    var incidents: [String]
}

/// One component's time as the uptime formula sees it: the one home of that formula, used by the
/// uptime bars and the uptime report alike, so every figure on the site agrees.
struct UptimeTimeline: Sendable {
    /// In time order, not overlapping.
    let slices: [UptimeSlice]
    /// Time before this does not count (the component's `since`).
    let since: Date?

    /// Sweeps `intervals` in time order, keeping the ones open at each moment, so overlapping
    /// incidents count each moment once, at the worst status.
    init(intervals: [StatusInterval], since: Date?, policy: UptimePolicy) {
        self.since = since
        var edges: [(time: Date, index: Int, opens: Bool)] = []
        edges.reserveCapacity(intervals.count * 2)
        for (index, interval) in intervals.enumerated() {
            edges.append((interval.start, index, true))
            edges.append((interval.end, index, false))
        }
        edges.sort { $0.time < $1.time }
        var open: [Int] = []
        var slices: [UptimeSlice] = []
        var previous = Date.distantPast
        for edge in edges {
            if edge.time > previous, !open.isEmpty {
                let openIntervals = open.map { intervals[$0] }
                let inMaintenance = openIntervals.contains { $0.incident == nil }
                let worst = openIntervals.filter { $0.incident != nil }.map(\.status).max() ?? .operational
                let counted = !(inMaintenance && policy.excludesMaintenance)
                let weight = counted ? policy.weight(of: worst) : 0
                if !counted || weight > 0 {
                    let incidents =
                        weight > 0
                        ? openIntervals.filter { $0.status == worst }.compactMap(\.incident) : []
                    slices.append(
                        UptimeSlice(
                            start: previous, end: edge.time, weight: weight, counted: counted,
                            incidents: incidents))
                }
            }
            previous = edge.time
            if edge.opens {
                open.append(edge.index)
            } else if let position = open.firstIndex(of: edge.index) {
                open.remove(at: position)
            }
        }
        self.slices = slices
    }

    /// What `[from, to)` counts.
    func tally(from: Date, to: Date) -> UptimeTally {
        let from = max(from, since ?? from)
        guard from < to else { return UptimeTally() }
        var tally = UptimeTally(countedSeconds: to.timeIntervalSince(from))
        var incidents = Set<String>()
        for slice in slices[firstSlice(endingAfter: from)...] {
            if slice.start >= to { break }
            let seconds = min(slice.end, to).timeIntervalSince(max(slice.start, from))
            guard seconds > 0 else { continue }
            if slice.counted {
                tally.downtimeSeconds += seconds * slice.weight
                incidents.formUnion(slice.incidents)
            } else {
                tally.countedSeconds -= seconds
            }
        }
        tally.incidents = incidents
        return tally
    }

    /// Binary search for the first slice ending after `time`.
    private func firstSlice(endingAfter time: Date) -> Int {
        var low = 0
        var high = slices.count
        while low < high {
            let mid = (low + high) / 2
            if slices[mid].end <= time { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
