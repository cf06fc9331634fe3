import Foundation

/// A reseller blog post, from `Content/blog/*.md`.
package struct Post: Hashable, Sendable, Codable {
    package var slug: String
    package var title: String
    package var date: Date
    package var author: String?
    /// Plain text; nil means "use the first paragraph".
    package var summary: String?
    package var tags: [String]
    package var clusters: [String]
    package var incidents: [String]
    package var questions: [Question]
    package var body: MarkdownText
    package var source: String

    package init(
        slug: String, title: String, date: Date, author: String?, summary: String?, tags: [String],
        clusters: [String], incidents: [String], questions: [Question], body: MarkdownText, source: String
    ) {
        self.slug = slug
        self.title = title
        self.date = date
        self.author = author
        self.summary = summary
        self.tags = tags
        self.clusters = clusters
        self.incidents = incidents
        self.questions = questions
        self.body = body
        self.source = source
    }
}
