import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// The Atlassian Statuspage public API v2 files under `api/v2/` (SPEC §5), so existing
/// Statuspage clients can read the site. Clusters are component groups; each (cluster,
/// service) is a component.
package enum StatuspageAPI {
    /// Statuspage's limit on `incidents.json` and `scheduled-maintenances.json`.
    static let listLimit = 50

    package static func render(_ context: RenderContext) -> [OutputFile] {
        let site = context.site
        let status = context.status
        let config = site.config
        let published = context.published
        let changes = ComponentChanges(published)
        let pageID = StatuspageID.page(config.baseURL)
        let page = StatuspagePage(
            id: pageID, name: config.title, url: config.baseURL.absolute,
            timeZone: config.timeZone.identifier,
            updatedAt: UTCTimestamp(changes.latest).iso8601Milliseconds)
        let catalog = StatuspageComponentCatalog(
            config: config, status: status, changes: changes, pageID: pageID)
        let factory = StatuspageIncidentFactory(
            config: config, catalog: catalog, directory: ComponentDirectory(config), pageID: pageID,
            now: status.now)
        let rollup = StatuspageStatus(
            indicator: status.indicator.slug, description: status.indicator.description)

        // Only the newest `listLimit` and the unresolved ones are listed: build just those.
        let incidents = published.incidents.prefix(listLimit).map(factory.incident)
        let unresolved = published.incidents.filter { $0.phase != .resolved }.map(factory.incident)
        // Likewise the newest `listLimit` windows and those not completed.
        let phases = published.maintenances.map(StatuspageIncidentFactory.status(of:))
        let listed = phases.indices.filter { $0 < listLimit || phases[$0] != .completed }
        let objects = Dictionary(
            uniqueKeysWithValues: listed.map { ($0, factory.maintenance(published.maintenances[$0])) })
        func windows(_ included: (MaintenancePhase) -> Bool) -> [StatuspageIncident] {
            listed.filter { included(phases[$0]) }.compactMap { objects[$0] }
        }
        let upcoming = windows { $0 == .scheduled }
        let active = windows { $0 == .inProgress || $0 == .verifying }
        let current = windows { $0 != .completed }

        return [
            file(
                "summary.json",
                StatuspageSummaryDocument(
                    page: page, components: catalog.all, incidents: unresolved,
                    scheduledMaintenances: current,
                    status: rollup)),
            file("status.json", StatuspageStatusDocument(page: page, status: rollup)),
            file("components.json", StatuspageComponentsDocument(page: page, components: catalog.all)),
            file(
                "incidents.json",
                StatuspageIncidentsDocument(page: page, incidents: incidents)),
            file("incidents/unresolved.json", StatuspageIncidentsDocument(page: page, incidents: unresolved)),
            file(
                "scheduled-maintenances.json",
                StatuspageMaintenancesDocument(
                    page: page,
                    scheduledMaintenances: listed.prefix { $0 < listLimit }.compactMap { objects[$0] })),
            file(
                "scheduled-maintenances/upcoming.json",
                StatuspageMaintenancesDocument(page: page, scheduledMaintenances: upcoming)),
            file(
                "scheduled-maintenances/active.json",
                StatuspageMaintenancesDocument(page: page, scheduledMaintenances: active)),
        ]
    }

    /// The folder every file of this API lives in.
    static let folder = "api/v2/"

    private static func file(_ name: String, _ document: some Encodable) -> OutputFile {
        OutputFile(path: folder + name, contents: JSONDocument.encode(document))
    }
}
