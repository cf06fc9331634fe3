import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// `herald update`: finds an incident or maintenance by slug, appends an update to its timeline
/// (closing it when asked), checks the result with the whole site, and replaces the file atomically.
package struct TimelineUpdater: Sendable {
    package struct Request: Sendable {
        package var slug: String
        /// nil: `resolved` (incidents) or `completed` (maintenance) with `resolve`, else required.
        package var status: String?
        package var message: String
        /// Also end it: `resolved:` for an incident; for a maintenance running now, the window ends now.
        package var resolve: Bool
        /// Reopen a resolved incident: the update gets `reopened: true` and `resolved:` goes.
        package var reopen: Bool
        /// `--set`: how the update changes the impact (incidents).
        package var impactChanges: [ImpactChange]
        package var now: Date
        /// Move or call off a maintenance window beside the update.
        package var maintenanceChange: MaintenanceChange?

        package init(
            slug: String, status: String?, message: String, resolve: Bool, reopen: Bool = false,
            impactChanges: [ImpactChange] = [], now: Date, maintenanceChange: MaintenanceChange? = nil
        ) {
            self.slug = slug
            self.status = status
            self.message = message
            self.resolve = resolve
            self.reopen = reopen
            self.impactChanges = impactChanges
            self.now = now
            self.maintenanceChange = maintenanceChange
        }
    }

    /// What was written.
    package struct Outcome: Sendable, Equatable {
        package var path: String
        package var status: String
        /// The incident got `resolved:`, or the maintenance's window was ended early.
        package var closed: Bool
        /// `rescheduled it` or `cancelled it`, when the window was moved or called off.
        package var change: String?
        /// The incident was reopened.
        package var reopened: Bool = false
        /// What the page now says differently about each component whose status changed.
        package var impact: [ImpactReport] = []
    }

    package let site: AuthoringSite
    let writer: any ContentFileWriter

    package init(site: AuthoringSite, writer: any ContentFileWriter) {
        self.site = site
        self.writer = writer
    }

    package func update(_ request: Request) throws -> Outcome {
        guard !request.message.allSatisfy(\.isWhitespace) else { throw UpdateFailure.emptyMessage }
        // YAML cannot hold them raw, and the message is written as a block scalar.
        if let stray = ControlCharacters.firstStray(in: SourceText.normalizeLineEndings(request.message)) {
            throw UpdateFailure.controlCharacter(stray)
        }
        let found = try ItemFinder(site: site).find(request.slug)
        let plan = try UpdatePlan(request: request, item: found.item, site: site)
        try CheckedReplacement(site: site, writer: writer).replace(at: found.path) { try Self.edit($0, plan) }
        return Outcome(
            path: found.path, status: plan.entry.status,
            closed: plan.resolved != nil || plan.windowEnd != nil,
            change: plan.reschedule != nil ? "rescheduled it" : plan.cancel ? "cancelled it" : nil,
            reopened: plan.entry.reopens, impact: plan.impact)
    }

    /// The file's new text, checked to differ from the original only as planned.
    static func edit(_ original: String, _ plan: UpdatePlan) throws(UpdateFailure) -> String {
        do {
            var edited = try TimelineAppender.appending(plan.entry, to: original)
            if let resolved = plan.resolved {
                edited = try TimelineAppender.settingResolved(resolved, in: edited)
            }
            if plan.entry.reopens { edited = try TimelineAppender.removingResolved(in: edited) }
            if let end = plan.windowEnd {
                edited = try TimelineAppender.settingWindow("end", end, in: edited)
            }
            edited = try TimelineAppender.applying(plan, to: edited)
            try AppendCheck(
                entry: plan.entry, resolved: plan.resolved, windowEnd: plan.windowEnd,
                reschedule: plan.reschedule,
                newWindow: plan.newWindow, cancel: plan.cancel, removesResolved: plan.entry.reopens
            )
            .verify(original: original, edited: edited)
            return edited
        } catch {
            throw .cannotEdit(error.description)
        }
    }
}
