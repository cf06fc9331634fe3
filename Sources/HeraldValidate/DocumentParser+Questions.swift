import HeraldCore
import HeraldLoad
import HeraldMarkdown
import Yams

extension DocumentParser {
    /// A `questions:` list of `{q, a}` pairs, each with a unique anchor within the document.
    mutating func questions(_ node: Node) -> [Question] {
        guard let items = reader.list(node, field: "questions") else { return [] }
        var questions: [Question] = []
        var anchors = UniqueNames()
        for (index, item) in items.enumerated() {
            guard let fields = reader.mapping(item, known: ["q", "a"], what: "a question") else { continue }
            let question = reader.required(fields, "q", in: "a question").flatMap { node -> MarkdownText? in
                guard reader.nonEmptyText(node, field: "q") != nil else { return nil }
                return reader.markdown(node, field: "q")
            }
            // An empty answer is only a warning: the question may be answered in a later update.
            var answer: MarkdownText?
            if let keyNode = fields.keyNode("a"), fields["a"] == nil {
                answer = MarkdownText("", at: reader.location(of: keyNode))
            } else if let answerNode = reader.required(fields, "a", in: "a question") {
                answer = reader.markdown(answerNode, field: "a")
            }
            if let answer, answer.isBlank {
                reader.warning("the answer to this question is empty", at: answer.location)
            }
            guard let question, let answer else { continue }
            let anchor = anchors.claim(Self.anchorBase(for: question.source, index: index + 1))
            questions.append(Question(question: question, answer: answer, anchor: anchor))
        }
        return questions
    }

    /// `q-<slug of the question>`, or `q-N` when the question has no letters or digits; repeats get
    /// `-2`, `-3`… from `UniqueNames`.
    static func anchorBase(for question: String, index: Int) -> String {
        let slug = Slug.make(from: InlineMarkdown.plainText(question))
        return slug.isEmpty ? "q-\(index)" : "q-" + slug
    }
}
