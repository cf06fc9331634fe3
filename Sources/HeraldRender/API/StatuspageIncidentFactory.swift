import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Builds Statuspage incident and scheduled-maintenance objects from published content.
struct StatuspageIncidentFactory {
    var config: SiteConfig
    var catalog: StatuspageComponentCatalog
    var directory: ComponentDirectory
    var pageID: String
    var now: Date

    func incident(_ item: PublishedIncident) -> StatuspageIncident {
        let id = StatuspageID.incident(item.slug)
        let incident = item.incident
        // The front matter's `affected` holds from the start: the first update announces it
        // unless it states its own list. A `resolved` update without its own list returns
        // every component to operational.
        let initial = item.updates.first?.affected == nil ? [] : incident.affected
        let targets = item.updates.enumerated().map { index, update -> [ComponentImpact]? in
            if let affected = update.affected { return affected }
            if index == 0 { return incident.affected }
            return update.status == .resolved ? [] : nil
        }
        let changes = affectedComponents(targets, from: initial)
        let updates = zip(item.updates, changes).reversed().map { update, affected in
            self.update(update, id: id, status: StatuspageSpelling.phase(update.status), affected: affected)
        }
        // Statuspage's own status for a resolved incident whose postmortem is out.
        let status = incident.postmortem == nil ? StatuspageSpelling.phase(item.phase) : "postmortem"
        return StatuspageIncident(
            id: id, name: incident.title, status: status,
            impact: incident.impact.slug, createdAt: timestamp(incident.started),
            updatedAt: timestamp(item.lastChange),
            monitoringAt: item.updates.first { $0.status == .monitoring }.map { timestamp($0.at) },
            resolvedAt: item.resolvedAt.map(timestamp), startedAt: timestamp(incident.started),
            shortlink: config.baseURL.url(SitePaths.incident(item.slug)), pageId: pageID,
            incidentUpdates: updates, components: catalog.components(item.components),
            postmortemBody: incident.postmortem?.body.source,
            postmortemPublishedAt: incident.postmortem.map { timestamp($0.published) })
    }

    func maintenance(_ item: PublishedMaintenance) -> StatuspageIncident {
        let id = StatuspageID.maintenance(item.slug)
        let maintenance = item.maintenance
        // Starting the work puts the components under maintenance; completing it ends that.
        let underMaintenance = maintenance.components.map {
            ComponentImpact(component: $0, status: .underMaintenance)
        }
        let targets = item.updates.map { update -> [ComponentImpact]? in
            if let affected = update.affected { return affected }
            switch update.status {
            case .inProgress: return underMaintenance
            case .completed: return []
            case .scheduled, .verifying: return nil
            }
        }
        let changes = affectedComponents(targets, from: [])
        let updates = zip(item.updates, changes).reversed().map { update, affected in
            self.update(update, id: id, status: StatuspageSpelling.phase(update.status), affected: affected)
        }
        let status = Self.status(of: item)
        let updated = max(item.published, item.updates.last?.at ?? item.published)
        return StatuspageIncident(
            id: id, name: maintenance.title, status: StatuspageSpelling.phase(status), impact: "maintenance",
            createdAt: timestamp(item.published), updatedAt: timestamp(updated), monitoringAt: nil,
            resolvedAt: resolution(of: item, status: status).map(timestamp),
            startedAt: timestamp(maintenance.start),
            shortlink: config.baseURL.url(SitePaths.maintenance(item.slug)), pageId: pageID,
            incidentUpdates: updates,
            components: catalog.components(directory.sorted(maintenance.components)),
            scheduledFor: timestamp(maintenance.start), scheduledUntil: timestamp(maintenance.end),
            heraldStatus: item.state.rawValue,
            heraldRescheduledFrom: maintenance.reschedules.last.map {
                window($0.previousStart, $0.previousEnd)
            },
            heraldRecurrence: maintenance.recurrence?.rrule,
            heraldOccurrences: maintenance.recurrence?.horizon(at: now, limit: StateMaintenance.horizon).map {
                window($0.start, $0.end)
            })
    }

    private func window(_ start: Date, _ end: Date) -> HeraldWindow {
        HeraldWindow(scheduledFor: timestamp(start), scheduledUntil: timestamp(end))
    }

    /// Statuspage has no "cancelled": a called-off window is `completed` (and so never
    /// upcoming or active); a running one says `verifying` once an update says so.
    static func status(of item: PublishedMaintenance) -> MaintenancePhase {
        switch item.state {
        case .upcoming: .scheduled
        case .active: item.updates.last?.status == .verifying ? .verifying : .inProgress
        case .completed, .cancelled: .completed
        }
    }

    /// When the work was declared done (or called off); nil while it is not.
    private func resolution(of item: PublishedMaintenance, status: MaintenancePhase) -> Date? {
        guard status == .completed else { return nil }
        if item.maintenance.cancelled { return item.updates.last?.at }
        return item.updates.last { $0.status == .completed }?.at ?? item.maintenance.end
    }

    private func update<Phase>(
        _ update: TimelineUpdate<Phase>, id parentID: String, status: String,
        affected: [StatuspageAffectedComponent]?
    ) -> StatuspageIncidentUpdate {
        let at = timestamp(update.at)
        return StatuspageIncidentUpdate(
            id: StatuspageID.update(update.id, of: parentID), status: status, body: update.message.source,
            createdAt: at, updatedAt: at, displayAt: at, incidentId: parentID, affectedComponents: affected,
            deliverNotifications: true, customTweet: nil, tweetId: nil)
    }

    /// For each update's new statement (nil: no change), the components whose status it sets,
    /// from what they had before (`initial`, else operational) to what it says (operational
    /// if it no longer names them), in site order.
    private func affectedComponents(
        _ targets: [[ComponentImpact]?], from initial: [ComponentImpact]
    ) -> [[StatuspageAffectedComponent]?] {
        var current = Self.statuses(initial)
        return targets.map { target in
            guard let target else { return nil }
            let next = Self.statuses(target)
            let touched = directory.sorted(Array(Set(current.keys).union(next.keys)))
            let result = touched.map { component in
                StatuspageAffectedComponent(
                    code: StatuspageID.component(component), name: config.apiName(of: component),
                    oldStatus: StatuspageSpelling.status(current[component] ?? .operational),
                    newStatus: StatuspageSpelling.status(next[component] ?? .operational))
            }
            current = next
            return result
        }
    }

    /// The status each component gets from a statement (the worst, if named twice).
    private static func statuses(_ impacts: [ComponentImpact]) -> [ComponentID: ComponentStatus] {
        var result: [ComponentID: ComponentStatus] = [:]
        for impact in impacts {
            result[impact.component] = max(result[impact.component] ?? .operational, impact.status)
        }
        return result
    }

    private func timestamp(_ date: Date) -> String { UTCTimestamp(date).iso8601Milliseconds }
}
