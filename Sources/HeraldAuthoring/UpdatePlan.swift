import Foundation
import HeraldBuild
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldValidate

/// What `herald update` will change in one file, decided from the request and what the file says.
struct UpdatePlan {
    var entry: TimelineEntry
    /// Set `resolved:` (incidents).
    var resolved: Date?
    /// Move the window's end to now (a maintenance completed early).
    var windowEnd: Date?
    /// Move the window (`--reschedule`): the entry `rescheduled:` gets; the new window is in `newWindow`.
    var reschedule: MaintenanceReschedule?
    var newWindow: MaintenanceOccurrence?
    /// Set `cancelled: true` (`--cancel`).
    var cancel = false
    /// Each component whose status the update changes, as the page will now say it.
    var impact: [ImpactReport] = []

    private init(
        entry: TimelineEntry, resolved: Date? = nil, windowEnd: Date? = nil, impact: [ImpactReport] = []
    ) {
        self.entry = entry
        self.resolved = resolved
        self.windowEnd = windowEnd
        self.impact = impact
    }

    init(request: TimelineUpdater.Request, item: ParsedDocument.Item, site: AuthoringSite) throws {
        switch item {
        case .incident(let incident):
            if request.maintenanceChange != nil {
                throw UpdateFailure.maintenanceChange(
                    "--reschedule and --cancel are for maintenance windows; `\(incident.slug)` is an incident"
                )
            }
            self = try Self.incidentPlan(request: request, incident: incident, site: site)
        case .maintenance(let maintenance):
            if request.reopen { throw UpdateFailure.incidentsOnly("--reopen") }
            if !request.impactChanges.isEmpty { throw UpdateFailure.incidentsOnly("--set") }
            let status = try Self.status(
                request, kind: "maintenance", choices: MaintenancePhase.allCases.map(\.rawValue),
                closing: "completed",
                current: maintenance.updates.last?.status.rawValue
                    ?? (request.maintenanceChange == nil ? nil : MaintenancePhase.scheduled.rawValue))
            let closes = status == MaintenancePhase.completed.rawValue
            if closes && request.now < maintenance.start && !maintenance.cancelled {
                throw UpdateFailure.notStarted(Timestamp.format(maintenance.start))
            }
            // A recurring window's `end` is that of every occurrence: completing one leaves it alone.
            self.init(
                entry: TimelineEntry(at: request.now, status: status, message: request.message),
                windowEnd: closes && maintenance.recurrence == nil && maintenance.isActive(at: request.now)
                    ? request.now : nil)
            if let change = request.maintenanceChange {
                try plan(change, of: maintenance, now: request.now, closes: closes)
            }
        case .post:
            throw UpdateFailure.notFound(
                slug: request.slug, hint: "; it is a post, and posts have no timeline")
        }
    }

    /// An incident's update: refused after resolution unless it reopens (SPEC §3.2), with the
    /// `--set` changes merged into the impact in force now.
    private static func incidentPlan(
        request: TimelineUpdater.Request, incident: Incident, site: AuthoringSite
    )
        throws -> UpdatePlan
    {
        let choices = IncidentPhase.allCases.map(\.rawValue)
        let status: String
        if request.reopen {
            guard let resolved = incident.resolved, resolved <= request.now else {
                throw UpdateFailure.notResolved
            }
            if request.resolve { throw UpdateFailure.reopenConflicts }
            status = try Self.status(
                request, kind: "incident", choices: choices, closing: "resolved",
                current: IncidentPhase.investigating.rawValue)
            if status == IncidentPhase.resolved.rawValue { throw UpdateFailure.reopenConflicts }
        } else {
            status = try Self.status(
                request, kind: "incident", choices: choices, closing: "resolved",
                current: incident.updates.last { $0.at <= request.now }?.status.rawValue)
            // An update dated before the resolution (filling in the timeline) is checked by validation.
            if let resolved = incident.resolved,
                resolved <= request.now || status == IncidentPhase.resolved.rawValue
            {
                throw UpdateFailure.alreadyResolved(Timestamp.format(resolved), slug: incident.slug)
            }
        }
        let current = incident.impacts(at: request.now)
        let affected =
            request.impactChanges.isEmpty
            ? nil : try ImpactChange.applying(request.impactChanges, to: current, catalog: site.catalog)
        let resolves = status == IncidentPhase.resolved.rawValue
        // Components show operational while the incident is resolved, so a reopening brings its
        // impact back and a resolution ends it.
        let impact = ImpactReport.changes(
            from: request.reopen ? [] : current, to: resolves ? [] : affected ?? current, site: site)
        return UpdatePlan(
            entry: TimelineEntry(
                at: request.now, status: status, message: request.message, reopens: request.reopen,
                affected: affected),
            resolved: resolves ? request.now : nil, impact: impact)
    }

    /// The requested status, checked; `closing` when only `--resolve` is given, and the item's
    /// `current` status (its newest update's) when neither is: a plain message keeps the status.
    private static func status(
        _ request: TimelineUpdater.Request, kind: String, choices: [String], closing: String, current: String?
    ) throws -> String {
        guard let status = request.status else {
            if request.resolve { return closing }
            guard let current else { throw UpdateFailure.missingStatus(kind: kind, choices: choices) }
            return current
        }
        guard choices.contains(status) else {
            throw UpdateFailure.unknownStatus(status, kind: kind, choices: choices)
        }
        if request.resolve && status != closing {
            throw UpdateFailure.resolveConflicts(status: status, closing: closing)
        }
        return status
    }
}
