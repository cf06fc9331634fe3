import Foundation
import HeraldCore

/// What one component (or, summed, one cluster) counted over one period.
package struct UptimeTally: Hashable, Sendable {
    /// Seconds that count: the period after `since`, less maintenance when it is excluded.
    package var countedSeconds: Double
    /// Seconds of downtime, each weighted by the policy (a partial-outage second costs 0.3 by default).
    package var downtimeSeconds: Double
    /// Slugs of the incidents whose downtime is counted here.
    package var incidents: Set<String>

    package init(countedSeconds: Double = 0, downtimeSeconds: Double = 0, incidents: Set<String> = []) {
        self.countedSeconds = countedSeconds
        self.downtimeSeconds = downtimeSeconds
        self.incidents = incidents
    }

    /// 100 × (1 − downtime ÷ counted time); nil when no time counted (before `since`, or all maintenance).
    package var percent: Double? {
        guard countedSeconds > 0 else { return nil }
        return min(max(100 * (1 - downtimeSeconds / countedSeconds), 0), 100)
    }

    /// `99.83`: two decimals, cut rather than rounded, and `100.00` only when there was no downtime
    /// at all, so a bad minute in a quiet year never reads as a perfect one. The one spelling every
    /// page, JSON and CSV file uses.
    package var percentText: String? {
        guard let percent else { return nil }
        guard downtimeSeconds > 0 else { return "100.00" }
        // The tolerance absorbs binary fractions (99.95 held as 99.9499…) without ever reaching 100.
        let hundredths = min(Int((percent * 100 + 1e-7).rounded(.down)), 9_999)
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    package var countedMinutes: Double { countedSeconds / 60 }
    package var downtimeMinutes: Double { downtimeSeconds / 60 }

    /// This tally and `other` pooled: a cluster's figure is its components' downtime over their time.
    package func adding(_ other: UptimeTally) -> UptimeTally {
        UptimeTally(
            countedSeconds: countedSeconds + other.countedSeconds,
            downtimeSeconds: downtimeSeconds + other.downtimeSeconds,
            incidents: incidents.union(other.incidents))
    }
}
