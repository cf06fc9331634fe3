import Foundation

/// A planned window of work, from `Content/maintenance/*.md`.
public struct Maintenance: Hashable, Sendable {
    public var slug: String
    public var title: String
    public var start: Date
    public var end: Date
    public var cancelled: Bool
    public var components: [ComponentID]
    /// Oldest first.
    public var updates: [MaintenanceUpdate]
    public var questions: [Question]
    public var related: [String]
    public var body: MarkdownText
    public var source: String

    public init(
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
    public func isActive(at now: Date) -> Bool {
        !cancelled && start <= now && now < end
    }

    public var lastChange: Date { max(updates.last?.at ?? start, start) }
}
