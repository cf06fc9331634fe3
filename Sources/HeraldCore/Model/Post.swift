import Foundation

/// A reseller blog post, from `Content/blog/*.md`.
package struct Post: Hashable, Sendable {
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

/// Coded as a list of its fields (`FieldList`), as an incident is.
extension Post: Codable {
    package init(from decoder: any Decoder) throws {
        let author: FieldList.OptionalField<String>
        let summary: FieldList.OptionalField<String>
        (slug, title, date, author, summary, tags, clusters, incidents, questions, body, source) =
            try FieldList.decode(decoder)
        self.author = author.value
        self.summary = summary.value
    }

    package func encode(to encoder: any Encoder) throws {
        try FieldList.encode(
            slug, title, date, FieldList.OptionalField(author), FieldList.OptionalField(summary), tags,
            clusters, incidents, questions, body, source, to: encoder)
    }
}
