/// Markdown already rendered by earlier builds, by a hash of what the output depends on
/// (operation, cmark options, footnote id prefix and the source text), and the results this
/// build used, which become the next build's memo (so texts that are gone drop out).
struct MarkdownMemo: Sendable {
    /// What was stored; read-only while rendering, shared by every thread.
    let stored: [StableHash: String]

    init(stored: [StableHash: String] = [:]) {
        self.stored = stored
    }

    enum Operation: UInt8 {
        case html = 1
        case inlineHTML, plainText, firstParagraphText
    }

    /// Looks up, else renders, and records the result in `used`.
    func value(
        _ operation: Operation, _ source: String, prefix: String = "", options: Int32,
        used: inout [StableHash: String],
        render: () -> String
    ) -> String {
        var hasher = StableHasher()
        hasher.combine(operation.rawValue)
        hasher.combine(Int(options))
        hasher.combine(prefix)
        hasher.combine(source)
        let key = hasher.finalize()
        let result = stored[key] ?? render()
        used[key] = result
        return result
    }
}
