import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Markdown already rendered by earlier builds, by a hash of what the output depends on
/// (operation, cmark options, footnote id prefix and the source text), and the results this
/// build used, which become the next build's memo (so texts that are gone drop out).
package struct MarkdownMemo: Sendable {
    /// What was stored; read-only while rendering, shared by every thread.
    package let stored: [StableHash: String]

    package init(stored: [StableHash: String] = [:]) {
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
        let key = Self.key(operation, source, prefix: prefix, options: options)
        let result = stored[key] ?? render()
        used[key] = result
        return result
    }

    /// Two results of one text that one parse gives together: looked up together, else rendered
    /// together, and both recorded in `used`.
    func values(
        _ operations: (Operation, Operation), _ source: String, prefix: String = "", options: Int32,
        used: inout [StableHash: String],
        render: () -> (String, String)
    ) -> (String, String) {
        let keys = (
            Self.key(operations.0, source, prefix: prefix, options: options),
            Self.key(operations.1, source, options: options)
        )
        let results =
            if let first = stored[keys.0], let second = stored[keys.1] { (first, second) } else { render() }
        used[keys.0] = results.0
        used[keys.1] = results.1
        return results
    }

    private static func key(_ operation: Operation, _ source: String, prefix: String = "", options: Int32)
        -> StableHash
    {
        var hasher = StableHasher()
        hasher.combine(operation.rawValue)
        hasher.combine(Int(options))
        hasher.combine(prefix)
        hasher.combine(source)
        return hasher.finalize()
    }
}
