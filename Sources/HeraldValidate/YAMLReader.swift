import Foundation
import HeraldCore
import HeraldLoad
import HeraldMarkdown
import Yams

/// Reads typed values out of one file's YAML, recording a diagnostic for every problem it meets
/// so that one run reports them all.
package struct YAMLReader {
    let path: String
    /// Added to Yams' 1-based line numbers to make them file lines.
    private let lineOffset: Int
    /// Where each line of `yaml` starts, as UTF-8 offsets (a byte scan: this runs for every file).
    private let lineStarts: [Int]
    /// For YAML holding U+0085, U+2028 or U+2029, which libyaml (and so Yams' marks) also counts
    /// as line breaks: where each of libyaml's lines starts, as a 0-based line of `yaml` and a
    /// column in characters. Empty for all other YAML, whose lines are libyaml's.
    private let parserLineStarts: [(line: Int, column: Int)]
    private let bytes: [UInt8]
    private let yaml: String
    private(set) var diagnostics: [Diagnostic] = []

    /// `firstLine` is the file line holding the YAML's first line.
    init(path: String, yaml: String, firstLine: Int) {
        self.path = path
        self.yaml = yaml
        self.lineOffset = firstLine - 1
        self.bytes = Array(yaml.utf8)
        var starts = [0]
        var hasOtherBreaks = false
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
            // The last bytes of U+0085 (C2 85), U+2028 (E2 80 A8) and U+2029 (E2 80 A9).
            if byte == 0x85 || byte == 0xA8 || byte == 0xA9 { hasOtherBreaks = true }
        }
        self.lineStarts = starts
        self.parserLineStarts = hasOtherBreaks ? Self.parserLineStarts(of: yaml) : []
    }

    private static func parserLineStarts(of yaml: String) -> [(line: Int, column: Int)] {
        var starts = [(line: 0, column: 0)]
        var line = 0
        var column = 0
        for scalar in yaml.unicodeScalars {
            switch scalar {
            case "\n":
                line += 1
                column = 0
                starts.append((line, 0))
            case "\u{85}", "\u{2028}", "\u{2029}":
                column += 1
                starts.append((line, column))
            default:
                column += 1
            }
        }
        return starts
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    // MARK: Diagnostics

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location(line: lineOffset + 1, column: 1) }
        return location(of: mark)
    }

    /// The file location of a Yams mark (1-based, as libyaml counts lines and columns).
    private func location(of mark: Mark) -> SourceLocation {
        let column = max(mark.column, 1)
        guard !parserLineStarts.isEmpty else { return location(line: mark.line + lineOffset, column: column) }
        let start = parserLineStarts[min(max(mark.line - 1, 0), parserLineStarts.count - 1)]
        return location(line: start.line + 1 + lineOffset, column: start.column + column)
    }

    /// The text of the file's line at `location` (empty when it is not in this front matter).
    private func sourceLine(_ location: SourceLocation) -> String {
        let index = location.line - lineOffset - 1
        guard index >= 0, index < lineStarts.count else { return "" }
        let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        return String(decoding: bytes[lineStarts[index]..<end], as: UTF8.self)
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(at: location, message))
    }

    mutating func error(_ message: String, at node: Node) {
        error(message, at: location(of: node))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(at: location, message))
    }

    // MARK: Structure

    /// Parses the YAML as a mapping of the `known` keys. An empty document is an empty mapping
    /// located at `emptyLocation`; nil after a syntax error or when the document is not a mapping.
    mutating func root(known: [String], what: String, emptyLocation: SourceLocation) -> Fields? {
        if let excess = AliasGuard.excess(in: yaml) {
            error(
                "YAML aliases repeat too much: with `*\(excess.anchor)` here they would add more than "
                    + "\(AliasGuard.maximumRepetition) nodes and characters (an alias of a list of aliases "
                    + "multiplies); write the values out, or use fewer aliases",
                at: location(line: excess.line + lineOffset, column: excess.column))
            return nil
        }
        let node: Node?
        do {
            // The basic resolver: values are read as text here, and it spares a regex per scalar.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch {
            record(error)
            return nil
        }
        guard let node else { return Fields(location: emptyLocation) }
        if Self.isNull(node) { return Fields(location: emptyLocation) }
        return mapping(node, known: known, what: what)
    }

    /// A mapping holding only `known` keys; every other key is an error with a did-you-mean hint.
    mutating func mapping(_ node: Node, known: [String], what: String) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error("expected \(what) as `key: value` lines, not \(Self.describe(node))", at: node)
            return nil
        }
        var fields = Fields(location: location(of: node))
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error("expected a plain key in \(what), not \(Self.describe(key))", at: key)
                continue
            }
            let name = scalar.string
            guard known.contains(name) else {
                error("unknown key `\(name)` in \(what)" + Suggestion.hint(for: name, in: known), at: key)
                continue
            }
            fields.entries[name] = Fields.Entry(key: key, value: value)
        }
        return fields
    }

    /// The value of a required field; a missing field is reported at the mapping, a null one at its key.
    mutating func required(_ fields: Fields, _ key: String, in what: String) -> Node? {
        if let value = fields[key] { return value }
        if let keyNode = fields.keyNode(key) {
            error("`\(key)` needs a value", at: keyNode)
        } else {
            error("missing required field `\(key)` in \(what)", at: fields.location)
        }
        return nil
    }

    // MARK: Scalars

    /// Any non-null scalar, as written, for a title, a name or any other field that is not Markdown:
    /// a control character other than tab and line feed is an error (one written as a YAML escape
    /// such as `"\e"`; libyaml refuses them raw).
    mutating func text(_ node: Node, field: String) -> String? {
        guard let value = anyText(node, field: field) else { return nil }
        if let stray = ControlCharacters.firstStray(in: value) {
            error(
                "`\(field)` contains the control character \(ControlCharacters.codePoint(stray)), which "
                    + "pages and terminals would show raw; remove it \(ControlCharacters.rule)",
                at: node)
        }
        return value
    }

    private mutating func anyText(_ node: Node, field: String) -> String? {
        guard case .scalar(let scalar) = node, !Self.isNull(node) else {
            error("expected text for `\(field)`, not \(Self.describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    /// Text that is not blank.
    mutating func nonEmptyText(_ node: Node, field: String) -> String? {
        guard let value = text(node, field: field) else { return nil }
        guard !value.allSatisfy(\.isWhitespace) else {
            error("`\(field)` must not be empty", at: node)
            return nil
        }
        return value
    }

    /// Markdown text, located at its first character (the line after `|` for block scalars).
    /// Control characters are left to `MarkdownText`, which replaces them.
    mutating func markdown(_ node: Node, field: String) -> MarkdownText? {
        guard let value = anyText(node, field: field) else { return nil }
        let text = MarkdownText(value, at: contentLocation(of: node))
        guard checkMarkdown(text, field: "`\(field)`") else { return nil }
        return text
    }

    /// Reports Markdown bigger than 1 MiB, or nesting deeper than cmark-gfm renders in reasonable
    /// time; false when it is either.
    mutating func checkMarkdown(_ text: MarkdownText, field: String) -> Bool {
        guard text.source.utf8.count <= MarkdownText.maximumBytes else {
            error(
                "\(field) is bigger than 1 MiB; split it up or link to a separate document", at: text.location
            )
            return false
        }
        guard let excess = MarkdownNesting.excess(in: text.source) else { return true }
        // Block scalars keep their indentation on every line, which `text.location` starts after.
        var location = text.location
        location.line += excess.line
        location.column += excess.column - 1
        let limit = MarkdownNesting.maximumDepth
        switch excess.kind {
        case .containers:
            error(
                "\(field) nests block quotes and lists more than \(limit) deep (`>`, `-`, `*`, `+` or `1.` "
                    + "at the start of this line); use fewer levels",
                at: location)
        case .brackets:
            error(
                "\(field) has more than \(limit) `[` open at once; close them with `]`, or write `\\[` for "
                    + "a bracket that is text",
                at: location)
        }
        return false
    }

    mutating func bool(_ node: Node, field: String) -> Bool? {
        if case .scalar(let scalar) = node {
            switch scalar.string {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        error("expected true or false for `\(field)`, not \(Self.describe(node))", at: node)
        return nil
    }

    mutating func integer(_ node: Node, field: String, in range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            error("expected a whole number for `\(field)`, not \(Self.describe(node))", at: node)
            return nil
        }
        guard range.contains(value) else {
            error(
                "`\(field)` must be between \(range.lowerBound) and \(range.upperBound), not \(value)",
                at: node)
            return nil
        }
        return value
    }

    /// A number from 0 to 1, such as `0.3`.
    mutating func fraction(_ node: Node, field: String) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
            error(
                "expected a number from 0 to 1 such as 0.3 for `\(field)`, not \(Self.describe(node))",
                at: node)
            return nil
        }
        guard (0...1).contains(value) else {
            error("`\(field)` must be between 0 and 1, not \(scalar.string)", at: node)
            return nil
        }
        return value
    }

    /// A time with an offset, or a bare date (`2025-10-06`) meaning midnight in `timeZone`.
    mutating func dateOrTime(_ node: Node, field: String, in timeZone: TimeZone) -> Date? {
        if case .scalar(let scalar) = node {
            if let date = Timestamp.parse(scalar.string) { return date }
            if let day = Timestamp.parseDate(scalar.string) {
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = timeZone
                if let date = calendar.date(
                    from: DateComponents(year: day.year, month: day.month, day: day.day))
                {
                    return date
                }
            }
        }
        let example = "a date such as 2025-10-06 or a time with an offset such as 2025-10-06T21:00:00Z"
        error(Self.timeMessage(node, field: field, example: example, datesAllowed: true), at: node)
        return nil
    }

    /// An RFC 3339 time with an explicit offset.
    mutating func time(_ node: Node, field: String) -> Date? {
        if case .scalar(let scalar) = node, let date = Timestamp.parse(scalar.string) { return date }
        error(
            Self.timeMessage(
                node, field: field, example: "a time with an offset such as 2025-10-06T17:30:00Z"), at: node)
        return nil
    }

    static func timeMessage(_ node: Node, field: String, example: String, datesAllowed: Bool = false)
        -> String
    {
        guard case .scalar(let scalar) = node else {
            return "expected \(example) for `\(field)`, not \(describe(node))"
        }
        let value = scalar.string.trimmingCharacters(in: .whitespaces)
        if let problem = Timestamp.outOfRangeField(value) {
            return "`\(field)` is `\(value)`, which is no time: \(problem)"
        }
        var message = "expected \(example) for `\(field)`, not \(describe(node))"
        if !datesAllowed, Timestamp.parseDate(value) != nil {
            message += " (a date needs a time and an offset)"
        } else if Timestamp.parse(value + "Z") != nil {
            message += " (add `Z` for UTC or an offset such as +02:00)"
        }
        return message
    }

    /// One of `options` (by spelling), with a hint for near misses.
    mutating func choice<Value>(_ node: Node, field: String, _ options: [(String, Value)]) -> Value? {
        let names = options.map(\.0)
        guard case .scalar(let scalar) = node, !Self.isNull(node) else {
            error(
                "expected one of \(names.joined(separator: ", ")) for `\(field)`, not \(Self.describe(node))",
                at: node)
            return nil
        }
        if let match = options.first(where: { $0.0 == scalar.string }) { return match.1 }
        error(
            "unknown \(field) `\(scalar.string)`; expected one of \(names.joined(separator: ", "))"
                + Suggestion.sentence(for: scalar.string, in: names),
            at: node)
        return nil
    }

    // MARK: Lists

    mutating func list(_ node: Node, field: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error("expected a list for `\(field)`, not \(Self.describe(node))", at: node)
            return nil
        }
        return Array(sequence)
    }

    /// A list of text items, each with its node for later errors; items that are not text are reported.
    mutating func textList(_ node: Node, field: String) -> [(text: String, node: Node)]? {
        guard let items = list(node, field: field) else { return nil }
        var result: [(text: String, node: Node)] = []
        for item in items {
            if let text = nonEmptyText(item, field: field) { result.append((text, item)) }
        }
        return result
    }

    // MARK: Helpers

    package static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else {
            return false
        }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How a message names a value: `` `text` ``, "a list", "a mapping" or "nothing".
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(node) { return "nothing" }
            let short = scalar.string.count > 60 ? scalar.string.prefix(57) + "..." : Substring(scalar.string)
            let oneLine = short.replacingOccurrences(of: "\n", with: " ")
            return "`\(oneLine)`"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    /// Where a scalar's text starts: for `|` and `>` blocks, the first non-blank line after the indicator.
    private func contentLocation(of node: Node) -> SourceLocation {
        guard case .scalar(let scalar) = node, scalar.style == .literal || scalar.style == .folded,
            let mark = scalar.mark
        else { return location(of: node) }
        var index = location(of: mark).line - lineOffset  // 0-based index of the line after the indicator
        while index < lineStarts.count {
            let end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
            // Leading spaces are one byte and one character each, so the byte offset is the column.
            if let first = bytes[lineStarts[index]..<end].firstIndex(where: { $0 != UInt8(ascii: " ") }) {
                return location(line: index + 1 + lineOffset, column: first - lineStarts[index] + 1)
            }
            index += 1
        }
        return location(of: node)
    }

    /// The file location of the character at a UTF-8 offset into the YAML.
    private func location(ofByte offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        let index = (lineStarts.lastIndex { $0 <= clamped }) ?? 0
        let column = String(decoding: bytes[lineStarts[index]..<clamped], as: UTF8.self).unicodeScalars.count
        return location(line: index + 1 + lineOffset, column: column + 1)
    }

    private mutating func record(_ error: any Error) {
        let start = location(line: lineOffset + 1, column: 1)
        guard let yamlError = error as? YamlError else {
            self.error("invalid YAML: \(error)", at: start)
            return
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            let at = location(of: mark)
            let hint = YAMLHints.hint(for: problem, line: sourceLine(at)).map { "; \($0)" } ?? ""
            self.error("invalid YAML: \(problem)\(hint)", at: at)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            self.error(
                "duplicate key \(keys): each key may appear once in a mapping",
                at: location(of: context.mark))
        case .reader(let problem, let offset, let value, _):
            guard let offset, let scalar = Unicode.Scalar(UInt32(bitPattern: value)),
                ControlCharacters.isControl(scalar)
            else {
                self.error("invalid YAML: \(problem)", at: start)
                return
            }
            self.error(
                "invalid YAML: the control character \(ControlCharacters.codePoint(scalar)) is not allowed; "
                    + "remove it \(ControlCharacters.rule)", at: location(ofByte: offset))
        default:
            self.error("invalid YAML: \(yamlError)", at: start)
        }
    }
}
