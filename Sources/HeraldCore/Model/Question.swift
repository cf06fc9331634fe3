/// One question and answer pair, shown in an FAQ section.
package struct Question: Hashable, Sendable {
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

/// Coded as a list of its fields (`FieldList`): items hold questions by the tens of thousands.
extension Question: Codable {
    package init(from decoder: any Decoder) throws {
        (question, answer, anchor) = try FieldList.decode(decoder)
    }

    package func encode(to encoder: any Encoder) throws {
        try FieldList.encode(question, answer, anchor, to: encoder)
    }
}
