/// How uptime is counted (`site.yml` `uptime:`), for the uptime report and the uptime bars alike.
///
/// Each moment a component is counted costs the weight of its worst incident status at that
/// moment (0 when operational); uptime over a period is 100 × (1 − weighted downtime ÷ counted
/// time). With `excludesMaintenance`, moments inside a maintenance window of the component are
/// not counted at all, neither as downtime nor as time.
package struct UptimePolicy: Hashable, Sendable, Encodable {
    package var majorOutage: Double
    package var partialOutage: Double
    package var degradedPerformance: Double
    package var excludesMaintenance: Bool

    package static let standard = UptimePolicy(
        majorOutage: 1, partialOutage: 0.3, degradedPerformance: 0, excludesMaintenance: true)

    package init(
        majorOutage: Double, partialOutage: Double, degradedPerformance: Double, excludesMaintenance: Bool
    ) {
        self.majorOutage = majorOutage
        self.partialOutage = partialOutage
        self.degradedPerformance = degradedPerformance
        self.excludesMaintenance = excludesMaintenance
    }

    /// What one second in `status` costs, from 0 (none) to 1 (a whole second of downtime).
    package func weight(of status: ComponentStatus) -> Double {
        switch status {
        case .operational, .underMaintenance: 0
        case .degradedPerformance: degradedPerformance
        case .partialOutage: partialOutage
        case .majorOutage: majorOutage
        }
    }
}
