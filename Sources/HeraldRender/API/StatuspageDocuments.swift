import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `summary.json`.
struct StatuspageSummaryDocument: Encodable {
    var page: StatuspagePage
    var components: [StatuspageComponent]
    var incidents: [StatuspageIncident]
    var scheduledMaintenances: [StatuspageIncident]
    var status: StatuspageStatus
}

/// `status.json`.
struct StatuspageStatusDocument: Encodable {
    var page: StatuspagePage
    var status: StatuspageStatus
}

/// `components.json`.
struct StatuspageComponentsDocument: Encodable {
    var page: StatuspagePage
    var components: [StatuspageComponent]
}

/// `incidents.json` and `incidents/unresolved.json`.
struct StatuspageIncidentsDocument: Encodable {
    var page: StatuspagePage
    var incidents: [StatuspageIncident]
}

/// `scheduled-maintenances.json`, `…/upcoming.json` and `…/active.json`.
struct StatuspageMaintenancesDocument: Encodable {
    var page: StatuspagePage
    var scheduledMaintenances: [StatuspageIncident]
}
