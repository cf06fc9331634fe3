import ArgumentParser
import HeraldAuthoring

/// The options of `herald update` that only incidents take: impact changes and reopening.
struct IncidentUpdateOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            """
            Incidents: a component's status from this update on, as CLUSTER/SERVICE=STATUS, or CLUSTER=STATUS \
            for every service of the cluster (repeatable). STATUS is degraded-performance, partial-outage, \
            major-outage, or operational to end its impact.
            """, valueName: "component=status"))
    var set: [String] = []

    @Flag(
        name: .long,
        help: """
            Incidents: reopen a resolved incident (removes `resolved:`, posts a `reopened: true` update; \
            --status defaults to investigating).
            """)
    var reopen = false

    func validate() throws {
        _ = try impactChanges()
    }

    /// The `--set` options, read; a malformed one is bad usage (exit 2).
    func impactChanges() throws -> [ImpactChange] {
        do {
            return try set.map { text throws(UpdateFailure) in try ImpactChange(parsing: text) }
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// What the page will now say, one line per component whose status changed.
    func printImpact(_ reports: [ImpactReport]) {
        for report in reports { printOutput("  " + report.line) }
    }
}
