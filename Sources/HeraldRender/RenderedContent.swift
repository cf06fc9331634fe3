import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// A question and answer with its Markdown already rendered.
public struct RenderedQuestion: Hashable, Sendable {
    public var anchor: String
    /// Inline HTML of the question.
    public var questionHTML: String
    /// The question as plain text (for titles and feeds).
    public var questionText: String
    /// Block HTML of the answer.
    public var answerHTML: String

    public init(anchor: String, questionHTML: String, questionText: String, answerHTML: String) {
        self.anchor = anchor
        self.questionHTML = questionHTML
        self.questionText = questionText
        self.answerHTML = answerHTML
    }
}

/// The rendered Markdown of one incident, maintenance or post.
public struct RenderedEntry: Hashable, Sendable {
    public var bodyHTML: String
    /// Update id → block HTML of its message.
    public var updatesHTML: [String: String]
    public var questions: [RenderedQuestion]
    /// Plain-text summary: the post's `summary`, else the body's first paragraph.
    public var summary: String

    public init(
        bodyHTML: String, updatesHTML: [String: String], questions: [RenderedQuestion], summary: String
    ) {
        self.bodyHTML = bodyHTML
        self.updatesHTML = updatesHTML
        self.questions = questions
        self.summary = summary
    }
}

/// Every piece of Markdown of a site rendered once, shared by pages, feeds and the API.
public struct RenderedContent: Hashable, Sendable {
    public var incidents: [String: RenderedEntry]
    public var maintenances: [String: RenderedEntry]
    public var posts: [String: RenderedEntry]
    /// Cluster id → inline HTML of its description.
    public var clusterDescriptions: [String: String]

    public init(
        incidents: [String: RenderedEntry], maintenances: [String: RenderedEntry],
        posts: [String: RenderedEntry], clusterDescriptions: [String: String]
    ) {
        self.incidents = incidents
        self.maintenances = maintenances
        self.posts = posts
        self.clusterDescriptions = clusterDescriptions
    }
}
