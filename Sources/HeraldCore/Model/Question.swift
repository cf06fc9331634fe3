/// One question and answer pair, shown in an FAQ section.
public struct Question: Hashable, Sendable {
    /// Inline Markdown.
    public var question: MarkdownText
    /// Block Markdown.
    public var answer: MarkdownText
    /// Stable fragment id for linking to this question (`q-<slug of the question>`).
    public var anchor: String

    public init(question: MarkdownText, answer: MarkdownText, anchor: String) {
        self.question = question
        self.answer = answer
        self.anchor = anchor
    }
}
