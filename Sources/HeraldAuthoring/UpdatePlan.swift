import Foundation
import HeraldBuild
import HeraldCore
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

    init(request: TimelineUpdater.Request, item: ParsedDocument.Item) throws {
        switch item {
        case .incident(let incident):
            if request.maintenanceChange != nil {
                throw UpdateFailure.maintenanceChange(
                    "--reschedule and --cancel are for maintenance windows; `\(incident.slug)` is an incident"
                )
            }
            let status = try Self.status(
                request, kind: "incident", choices: IncidentPhase.allCases.map(\.rawValue),
                closing: "resolved", current: incident.updates.last?.status.rawValue)
            let closes = status == IncidentPhase.resolved.rawValue
            if closes, let resolved = incident.resolved {
                throw UpdateFailure.alreadyResolved(Timestamp.format(resolved))
            }
            entry = TimelineEntry(at: request.now, status: status, message: request.message)
            resolved = closes ? request.now : nil
        case .maintenance(let maintenance):
            let status = try Self.status(
                request, kind: "maintenance", choices: MaintenancePhase.allCases.map(\.rawValue),
                closing: "completed",
                current: maintenance.updates.last?.status.rawValue
                    ?? (request.maintenanceChange == nil ? nil : MaintenancePhase.scheduled.rawValue))
            let closes = status == MaintenancePhase.completed.rawValue
            if closes && request.now < maintenance.start && !maintenance.cancelled {
                throw UpdateFailure.notStarted(Timestamp.format(maintenance.start))
            }
            entry = TimelineEntry(at: request.now, status: status, message: request.message)
            // A recurring window's `end` is that of every occurrence: completing one leaves it alone.
            windowEnd =
                closes && maintenance.recurrence == nil && maintenance.isActive(at: request.now)
                ? request.now : nil
            if let change = request.maintenanceChange {
                try plan(change, of: maintenance, now: request.now, closes: closes)
            }
        case .post:
            throw UpdateFailure.notFound(
                slug: request.slug, hint: "; it is a post, and posts have no timeline")
        }
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
