import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Every Statuspage component of the site: a group per cluster, a member per (cluster, service).
struct StatuspageComponentCatalog {
    /// Each cluster's group followed by its members, clusters in site order.
    private(set) var all: [StatuspageComponent] = []
    private var members: [ComponentID: StatuspageComponent] = [:]

    init(config: SiteConfig, status: SiteStatus, changes: ComponentChanges, pageID: String) {
        var statuses: [ComponentID: ComponentStatus] = [:]
        for state in status.components { statuses[state.component] = state.status }
        let created = UTCTimestamp(changes.first).iso8601Milliseconds

        for (clusterIndex, cluster) in config.clusters.enumerated() {
            let ids = cluster.serviceIDs.map { ComponentID(cluster: cluster.id, service: $0) }
            let memberObjects = ids.enumerated().map { index, id in
                StatuspageComponent(
                    id: StatuspageID.component(id), name: config.apiName(of: id),
                    status: StatuspageSpelling.status(statuses[id] ?? .operational), createdAt: created,
                    updatedAt: UTCTimestamp(changes.lastChange(of: id)).iso8601Milliseconds,
                    position: index + 1, description: config.service(id.service)?.description, group: false,
                    groupId: StatuspageID.cluster(cluster.id), components: nil, pageId: pageID,
                    onlyShowIfDegraded: false, showcase: true,
                    startDate: config.since(of: id).map { Self.day($0, in: config.timeZone) })
            }
            let worst = ids.map { statuses[$0] ?? .operational }.max() ?? .operational
            let newest = ids.map { changes.lastChange(of: $0) }.max() ?? changes.first
            all.append(
                StatuspageComponent(
                    id: StatuspageID.cluster(cluster.id), name: cluster.name,
                    status: StatuspageSpelling.status(status.clusters[cluster.id] ?? worst),
                    createdAt: created,
                    updatedAt: UTCTimestamp(newest).iso8601Milliseconds, position: clusterIndex + 1,
                    description: cluster.description?.source, group: true, groupId: nil,
                    components: memberObjects.map(\.id), pageId: pageID, onlyShowIfDegraded: false,
                    showcase: false, startDate: cluster.since.map { Self.day($0, in: config.timeZone) }))
            all += memberObjects
            for (id, object) in zip(ids, memberObjects) { members[id] = object }
        }
    }

    /// `2025-06-01`: the day holding `date` in the site's time zone, as `start_date` spells it
    /// (from `since` in `site.yml`).
    static func day(_ date: Date, in timeZone: TimeZone) -> String {
        String(
            Timestamp.format(date.addingTimeInterval(TimeInterval(timeZone.secondsFromGMT(for: date))))
                .prefix(10))
    }

    /// The member objects of `components`, skipping any the site does not define.
    func components(_ components: [ComponentID]) -> [StatuspageComponent] {
        components.compactMap { members[$0] }
    }
}
