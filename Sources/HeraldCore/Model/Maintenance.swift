import Foundation

/// A planned window of work, from `Content/maintenance/*.md`.
package struct Maintenance: Hashable, Sendable {
    package var slug: String
    package var title: String
    package var start: Date
    package var end: Date
    package var cancelled: Bool
    /// Earlier windows this one was moved from, oldest first (`rescheduled:` in the file).
    package var reschedules: [MaintenanceReschedule]
    /// How the window recurs (`repeat:`, `skip:`); nil for a one-off window.
    package var recurrence: MaintenanceRecurrence?
    package var components: [ComponentID]
    /// Oldest first.
    package var updates: [MaintenanceUpdate]
    package var questions: [Question]
    package var related: [String]
    package var body: MarkdownText
    package var source: String

    package init(
        slug: String, title: String, start: Date, end: Date, cancelled: Bool, components: [ComponentID],
        updates: [MaintenanceUpdate], questions: [Question], related: [String], body: MarkdownText,
        source: String, reschedules: [MaintenanceReschedule] = [], recurrence: MaintenanceRecurrence? = nil
    ) {
        self.slug = slug
        self.title = title
        self.start = start
        self.end = end
        self.cancelled = cancelled
        self.reschedules = reschedules
        self.recurrence = recurrence
        self.components = components
        self.updates = updates
        self.questions = questions
        self.related = related
        self.body = body
        self.source = source
    }

    /// The window contains `now` (start inclusive, end exclusive) and was not called off.
    /// For a recurring window, whether one of its occurrences does.
    package func isActive(at now: Date) -> Bool {
        guard !cancelled else { return false }
        guard let recurrence else { return start <= now && now < end }
        return recurrence.current(at: now).map { $0.start <= now && now < $0.end } ?? false
    }

    /// The newest of the newest update, the newest reschedule and the window's start as written
    /// (for a recurring window, its first occurrence, so the next occurrence is no change).
    package var lastChange: Date {
        let written = recurrence?.first.start ?? start
        return max(updates.last?.at ?? written, reschedules.last?.at ?? written, written)
    }

    /// How many times calendars have been told of a change: every update, every reschedule and
    /// the cancellation. It only grows, as the iCalendar `SEQUENCE` must.
    package var revision: Int { updates.count + reschedules.count + (cancelled ? 1 : 0) }
}

/// Coded as a list of its fields (`FieldList`), as an incident is.
extension Maintenance: Codable {
    package init(from decoder: any Decoder) throws {
        let recurrence: FieldList.OptionalField<MaintenanceRecurrence>
        (
            slug, title, start, end, cancelled, reschedules, recurrence, components, updates, questions,
            related, body, source
        ) = try FieldList.decode(decoder)
        self.recurrence = recurrence.value
    }

    package func encode(to encoder: any Encoder) throws {
        try FieldList.encode(
            slug, title, start, end, cancelled, reschedules, FieldList.OptionalField(recurrence), components,
            updates, questions, related, body, source, to: encoder)
    }
}
