import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// A question and answer with its Markdown already rendered.
package struct RenderedQuestion: Hashable, Sendable {
    package var anchor: String
    /// Inline HTML of the question.
    package var questionHTML: String
    /// The question as plain text (for titles and feeds).
    package var questionText: String
    /// Block HTML of the answer.
    package var answerHTML: String

    package init(anchor: String, questionHTML: String, questionText: String, answerHTML: String) {
        self.anchor = anchor
        self.questionHTML = questionHTML
        self.questionText = questionText
        self.answerHTML = answerHTML
    }
}

/// The rendered Markdown of one incident, maintenance or post.
package struct RenderedEntry: Hashable, Sendable {
    package var bodyHTML: String
    /// Update id → block HTML of its message.
    package var updatesHTML: [String: String]
    package var questions: [RenderedQuestion]
    /// Plain-text summary: the post's `summary`, else the body's first paragraph.
    package var summary: String
    /// An incident's published postmortem, as block HTML.
    package var postmortemHTML: String?

    package init(
        bodyHTML: String, updatesHTML: [String: String], questions: [RenderedQuestion], summary: String,
        postmortemHTML: String? = nil
    ) {
        self.postmortemHTML = postmortemHTML
        self.bodyHTML = bodyHTML
        self.updatesHTML = updatesHTML
        self.questions = questions
        self.summary = summary
    }
}

/// Every piece of Markdown of a site rendered once, shared by pages, feeds and the API.
package struct RenderedContent: Sendable {
    package var incidents: RenderedEntries
    package var maintenances: RenderedEntries
    package var posts: RenderedEntries
    /// Cluster id → inline HTML of its description.
    package var clusterDescriptions: [String: String]

    package init(
        incidents: [String: RenderedEntry], maintenances: [String: RenderedEntry],
        posts: [String: RenderedEntry], clusterDescriptions: [String: String]
    ) {
        self.init(
            incidents: RenderedEntries(incidents), maintenances: RenderedEntries(maintenances),
            posts: RenderedEntries(posts), clusterDescriptions: clusterDescriptions)
    }

    init(
        incidents: RenderedEntries, maintenances: RenderedEntries, posts: RenderedEntries,
        clusterDescriptions: [String: String]
    ) {
        self.incidents = incidents
        self.maintenances = maintenances
        self.posts = posts
        self.clusterDescriptions = clusterDescriptions
    }
}
