import Foundation
import HeraldCore
import HeraldDerive

/// One line of the uptime report: a cluster as a whole (`service == nil`) or one of its
/// components. The page, `api/uptime.json` and the CSV files list the same lines in the same order.
struct UptimeSubject: Sendable {
    var cluster: Cluster
    /// nil for the cluster's own line.
    var service: String?
    var name: String
    var since: Date?
    var figures: UptimeFigures

    /// Per cluster of `config`, in order: the cluster's line, then its components'.
    static func all(_ report: UptimeReport, config: SiteConfig) -> [(
        cluster: Cluster, lines: [UptimeSubject]
    )] {
        config.clusters.map { cluster in
            let empty = UptimeFigures(months: [], rolling: [])
            let components = cluster.serviceIDs.map { service in
                let id = ComponentID(cluster: cluster.id, service: service)
                return UptimeSubject(
                    cluster: cluster, service: service, name: config.service(service)?.name ?? service,
                    since: config.since(of: id), figures: report.components[id] ?? empty)
            }
            let whole = UptimeSubject(
                cluster: cluster, service: nil, name: "All services", since: nil,
                figures: report.clusters[cluster.id] ?? empty)
            return (cluster, [whole] + components)
        }
    }
}

/// Minutes as the report writes them: two decimals, `13.50`.
enum MinutesText {
    static func format(_ minutes: Double) -> String {
        let hundredths = Int((minutes * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The same figure without trailing zeros, for prose: `44.5`, `36`, `0.3`.
    static func short(_ minutes: Double) -> String {
        var text = format(minutes)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
