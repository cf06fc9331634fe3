import Foundation
import HeraldCore

/// A period of the uptime report: a calendar month in the site's time zone, or the last N days.
package struct UptimePeriod: Hashable, Sendable {
    package enum Kind: Hashable, Sendable {
        case month(year: Int, month: Int)
        /// The last N calendar days, today (up to `now`) included: the period of an N-day bar.
        case lastDays(Int)
    }

    package var kind: Kind
    package var start: Date
    /// `now` for the current month and the rolling periods.
    package var end: Date

    /// `2025-10` or `30d`: the period's key in `api/uptime.json` and the CSV files.
    package var key: String {
        switch kind {
        case .month(let year, let month): "\(year)-\(month < 10 ? "0" : "")\(month)"
        case .lastDays(let days): "\(days)d"
        }
    }
}

/// One component's or cluster's tallies, aligned with the report's periods.
package struct UptimeFigures: Hashable, Sendable {
    /// Aligned with `UptimeReport.months`.
    package var months: [UptimeTally]
    /// Aligned with `UptimeReport.rolling`.
    package var rolling: [UptimeTally]

    package init(months: [UptimeTally], rolling: [UptimeTally]) {
        self.months = months
        self.rolling = rolling
    }
}

/// Uptime per calendar month and over the last 30, 90 and 365 days, for every component and
/// cluster, by the site's `UptimePolicy`.
package struct UptimeReport: Hashable, Sendable {
    package static let monthCount = 12
    package static let rollingDays = [30, 90, 365]

    package var policy: UptimePolicy
    /// The current month first.
    package var months: [UptimePeriod]
    package var rolling: [UptimePeriod]
    package var components: [ComponentID: UptimeFigures]
    /// A cluster pools its components: their downtime over their counted time.
    package var clusters: [String: UptimeFigures]

    package init(
        policy: UptimePolicy, months: [UptimePeriod], rolling: [UptimePeriod],
        components: [ComponentID: UptimeFigures], clusters: [String: UptimeFigures]
    ) {
        self.policy = policy
        self.months = months
        self.rolling = rolling
        self.components = components
        self.clusters = clusters
    }

    /// An empty report, for statuses made without one.
    package static let empty = UptimeReport(
        policy: .standard, months: [], rolling: [], components: [:], clusters: [:])
}
