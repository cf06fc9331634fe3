import Foundation

/// A reseller blog post, from `Content/blog/*.md`.
public struct Post: Hashable, Sendable {
    public var slug: String
    public var title: String
    public var date: Date
    public var author: String?
    /// Plain text; nil means "use the first paragraph".
    public var summary: String?
    public var tags: [String]
    public var clusters: [String]
    public var incidents: [String]
    public var questions: [Question]
    public var body: MarkdownText
    public var source: String

    public init(
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
