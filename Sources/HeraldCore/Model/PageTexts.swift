/// The Markdown texts an item's page shows that readers can follow links in, in page order:
/// what the link check reads, and what a parse records the links of.
extension Incident {
    package var pageTexts: [MarkdownText] { [body] + updates.map(\.message) + Question.texts(questions) }
}

extension Maintenance {
    package var pageTexts: [MarkdownText] { [body] + updates.map(\.message) + Question.texts(questions) }
}

extension Post {
    package var pageTexts: [MarkdownText] { [body] + Question.texts(questions) }
}

extension Question {
    /// Each question, then its answer.
    static func texts(_ questions: [Question]) -> [MarkdownText] {
        questions.flatMap { [$0.question, $0.answer] }
    }
}
