import Foundation

/// One timeline entry of an incident or maintenance.
package struct TimelineUpdate<Phase: Hashable & Sendable>: Hashable, Sendable {
    package var at: Date
    package var status: Phase
    package var message: MarkdownText
    /// Impact from this update on; nil keeps the previous one.
    package var affected: [ComponentImpact]?
    /// Stable id of this update within its incident, derived from its time and position.
    package var id: String
    /// `reopened: true`: this update reopens a resolved incident (see `Incident+Reopening.swift`).
    package var reopens: Bool

    package init(
        at: Date, status: Phase, message: MarkdownText, affected: [ComponentImpact]?, id: String,
        reopens: Bool = false
    ) {
        self.at = at
        self.status = status
        self.message = message
        self.affected = affected
        self.id = id
        self.reopens = reopens
    }
}

/// Coded as a list of its fields (`FieldList`): a parse record holds every update of its item.
extension TimelineUpdate: Codable where Phase: Codable {
    package init(from decoder: any Decoder) throws {
        let affected: FieldList.OptionalField<[ComponentImpact]>
        (at, status, message, affected, id, reopens) = try FieldList.decode(decoder)
        self.affected = affected.value
    }

    package func encode(to encoder: any Encoder) throws {
        try FieldList.encode(at, status, message, FieldList.OptionalField(affected), id, reopens, to: encoder)
    }
}

package typealias IncidentUpdate = TimelineUpdate<IncidentPhase>
package typealias MaintenanceUpdate = TimelineUpdate<MaintenancePhase>

/// An unplanned problem, from `Content/incidents/*.md`.
package struct Incident: Hashable, Sendable {
    package var slug: String
    package var title: String
    package var started: Date
    /// The end, from `resolved:` or the `resolved` update; nil while ongoing.
    package var resolved: Date?
    /// Declared, or derived from the worst status the incident gives (see `impactIsDeclared`).
    package var impact: Impact
    /// False when `impact` was derived; a snapshot as of an earlier instant derives it again
    /// from the updates known then, so a later, worse update never shows early.
    package var impactIsDeclared: Bool
    /// The impact stated in front matter (applies until an update says otherwise).
    package var affected: [ComponentImpact]
    /// Oldest first.
    package var updates: [IncidentUpdate]
    package var questions: [Question]
    package var related: [String]
    package var body: MarkdownText
    package var source: String
    /// Only on a resolved incident; a snapshot drops it while `published` is after `now`.
    package var postmortem: Postmortem?

    package init(
        slug: String, title: String, started: Date, resolved: Date?, impact: Impact,
        affected: [ComponentImpact], updates: [IncidentUpdate], questions: [Question],
        related: [String], body: MarkdownText, source: String, impactIsDeclared: Bool = true,
        postmortem: Postmortem? = nil
    ) {
        self.impactIsDeclared = impactIsDeclared
        self.postmortem = postmortem
        self.slug = slug
        self.title = title
        self.started = started
        self.resolved = resolved
        self.impact = impact
        self.affected = affected
        self.updates = updates
        self.questions = questions
        self.related = related
        self.body = body
        self.source = source
    }

    /// Every impact the incident states: its front matter's, then each update's, oldest first;
    /// with `now`, only the updates posted by then.
    package func statedImpacts(asOf now: Date? = nil) -> [ComponentImpact] {
        let posted = now.map { now in updates.filter { $0.at <= now } } ?? updates
        return Self.statedImpacts(affected: affected, updates: posted)
    }

    /// The impacts stated by `affected` and `updates`: the one home of that list.
    package static func statedImpacts(affected: [ComponentImpact], updates: [IncidentUpdate])
        -> [ComponentImpact]
    {
        affected + updates.flatMap { $0.affected ?? [] }
    }

    /// Every component the incident touches at any point of its life, in first-seen order.
    package var allAffectedComponents: [ComponentID] {
        var seen = Set<ComponentID>()
        return statedImpacts().map(\.component).filter { seen.insert($0).inserted }
    }

    /// The impact implied by the worst status the incident gives in `affected` and its updates
    /// (SPEC §3.2: degraded → minor, partial → major, major outage → critical).
    package static func derivedImpact(affected: [ComponentImpact], updates: [IncidentUpdate]) -> Impact {
        statedImpacts(affected: affected, updates: updates).map(\.status).max()?.derivedImpact ?? .none
    }

    /// The time of the newest update, or the start; the postmortem's publication counts as an update.
    package var lastChange: Date {
        max(updates.last?.at ?? started, resolved ?? started, postmortem?.published ?? started)
    }
}

/// Coded as a list of its fields (`FieldList`), as its updates are.
extension Incident: Codable {
    package init(from decoder: any Decoder) throws {
        let resolved: FieldList.OptionalField<Date>
        let postmortem: FieldList.OptionalField<Postmortem>
        (
            slug, title, started, resolved, impact, impactIsDeclared, affected, updates, questions, related,
            body, source, postmortem
        ) = try FieldList.decode(decoder)
        self.resolved = resolved.value
        self.postmortem = postmortem.value
    }

    package func encode(to encoder: any Encoder) throws {
        try FieldList.encode(
            slug, title, started, FieldList.OptionalField(resolved), impact, impactIsDeclared, affected,
            updates, questions, related, body, source, FieldList.OptionalField(postmortem), to: encoder)
    }
}
