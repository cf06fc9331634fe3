/// One question and answer pair, shown in an FAQ section.
package struct Question: Hashable, Sendable, Codable {
    /// Inline Markdown.
    package var question: MarkdownText
    /// Block Markdown.
    package var answer: MarkdownText
    /// Stable fragment id for linking to this question (`q-<slug of the question>`).
    package var anchor: String

    package init(question: MarkdownText, answer: MarkdownText, anchor: String) {
        self.question = question
        self.answer = answer
        self.anchor = anchor
    }
}
