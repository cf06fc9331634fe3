import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// Writes text as YAML that reads back as exactly that text, for the files `herald new`,
/// `herald update` and `herald init` write.
enum YAMLScalar {
    /// `text` as a one-line scalar: plain when YAML cannot misread it, double-quoted otherwise.
    static func inline(_ text: String) -> String {
        isSafePlain(text) ? text : doubleQuoted(text)
    }

    /// A `|` block scalar: the indicator to put after `key: ` and the content lines, each indented
    /// by `indent` spaces (blank lines stay empty). Line breaks are normalised to LF and trailing
    /// blank lines dropped, so the value is the text with one final line break.
    ///
    /// `indentationIndicator` is the content's indent relative to the key's; it is written only when
    /// the first line starts with a space or a tab, where YAML could not guess the indentation
    /// otherwise (it would count the spaces as indentation, and a tab cannot be indentation).
    static func block(_ text: String, indent: Int, indentationIndicator: Int) -> (
        indicator: String, lines: [String]
    ) {
        var lines = SourceText.normalizeLineEndings(text).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        let padding = String(repeating: " ", count: indent)
        let indented = lines.map { $0.allSatisfy(\.isWhitespace) ? "" : padding + $0 }
        let needsIndicator = lines.first?.first == " " || lines.first?.first == "\t"
        return (needsIndicator ? "|\(indentationIndicator)" : "|", indented)
    }

    /// A flow list of inline scalars: `[a, b]`.
    static func flowList(_ items: [String]) -> String {
        "["
            + items.map { isSafePlain($0) && !$0.contains(",") && !$0.contains("]") ? $0 : doubleQuoted($0) }
            .joined(separator: ", ") + "]"
    }

    /// Words YAML reads as something other than text.
    private static let reserved: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]

    private static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "("
        else { return false }
        if reserved.contains(text.lowercased()) { return false }
        if text.hasSuffix(":") || text.contains(": ") || text.contains(" #") { return false }
        if text.last?.isWhitespace == true { return false }
        return !text.unicodeScalars.contains { ControlCharacters.isControl($0) || $0 == "\u{FEFF}" }
    }

    private static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if ControlCharacters.isControl(scalar) || scalar == "\u{FEFF}" {
                    result += "\\u" + Hex.digits(scalar.value, width: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
