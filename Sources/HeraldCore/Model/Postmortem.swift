import Foundation

/// What went wrong and what is changing, written after an incident is resolved (`postmortem:`).
package struct Postmortem: Hashable, Sendable, Codable {
    /// Markdown: summary, impact, timeline, root cause, what we are changing.
    package var body: MarkdownText
    /// When it goes public; outputs leave it out while this is after `now`.
    package var published: Date

    package init(body: MarkdownText, published: Date) {
        self.body = body
        self.published = published
    }
}
