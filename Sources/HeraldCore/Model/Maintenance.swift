import Foundation

/// A planned window of work, from `Content/maintenance/*.md`.
package struct Maintenance: Hashable, Sendable {
    package var slug: String
    package var title: String
    package var start: Date
    package var end: Date
    package var cancelled: Bool
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
        source: String
    ) {
        self.slug = slug
        self.title = title
        self.start = start
        self.end = end
        self.cancelled = cancelled
        self.components = components
        self.updates = updates
        self.questions = questions
        self.related = related
        self.body = body
        self.source = source
    }

    /// The window contains `now` (start inclusive, end exclusive) and was not called off.
    package func isActive(at now: Date) -> Bool {
        !cancelled && start <= now && now < end
    }

    package var lastChange: Date { max(updates.last?.at ?? start, start) }
}
