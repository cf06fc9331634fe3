/// A template that cannot be parsed, with where (1-based line and column of the tag).
struct TemplateSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var message: String
}

/// Parses Mustache templates as the Mustache specification (v1.4) describes them: variables,
/// sections, inverted sections, comments, partials, set delimiters and inheritance (parents and
/// blocks), with "standalone" tag lines removed; plus swift-mustache's transforms (`empty(x)`).
///
/// Hand-written rather than taken from swift-mustache: its renderer escaped HTML one
/// `Character` at a time and looked every name up through dynamic casts, 29% of the CPU time of
/// a 10,000-incident build; it cannot render our typed `TemplateValue` trees, and its parsed
/// tokens are not public. Lambdas, dynamic partials and pragmas are not supported (no logic in
/// templates); a template using them gets an error at its line and column.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    /// Only spaces and tabs so far on the current line: a tag here may be standalone.
    private var atLineStart = true
    /// Leading whitespace of the current line, not yet emitted (dropped if the line is standalone).
    private var indentation: [UInt8] = []
    /// Sections, blocks and parents open around the current position.
    private var depth = 0
    /// Deeper nesting is refused rather than parsed by recursion until the stack overflows.
    static let maximumDepth = 100

    static func parse(_ text: String) throws(TemplateSyntaxError) -> Template {
        var parser = TemplateParser(bytes: Array(text.utf8))
        return Template(nodes: try parser.nodes(closing: nil, openedAt: 0, inParent: false))
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private enum End {
        case endOfText
        case closingTag(TemplateName)
    }

    /// Nodes up to the closing tag of `section` (or the end of the text when nil), whose opening
    /// tag is at `openedAt`. `inParent`: directly inside `{{< parent}}`, where only block
    /// definitions count.
    private mutating func nodes(closing section: String?, openedAt: Int, inParent: Bool)
        throws(TemplateSyntaxError) -> [TemplateNode]
    {
        if let section {
            guard depth < Self.maximumDepth else {
                throw error(at: openedAt, "`\(section)` opens more than \(Self.maximumDepth) nested sections")
            }
            depth += 1
        }
        defer { if section != nil { depth -= 1 } }
        var nodes: [TemplateNode] = []
        while true {
            if atLineStart { indentation = readBlanks() }
            let text = readText()
            if position < bytes.count, let newline = newlineLength(at: position) {
                position += newline
                if !inParent {
                    nodes.append(.text(indentation + text + bytes[position - newline..<position]))
                }
                indentation = []
                atLineStart = true
                continue
            }
            if !text.isEmpty {
                if !inParent { nodes.append(.text(indentation + text)) }
                indentation = []
                atLineStart = false
            }
            guard position < bytes.count else {
                if let section {
                    throw error(at: openedAt, "`\(section)` is never closed with `{{/\(section)}}`")
                }
                if !indentation.isEmpty, !inParent { nodes.append(.text(indentation)) }
                return nodes
            }
            let tagStart = position
            position += open.count
            let kind = position < bytes.count ? bytes[position] : 0
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName(tagStart)
                let standalone = consumeStandalone()
                flushIndentation(into: &nodes, unless: standalone || inParent)
                let children = try self.nodes(closing: name.text, openedAt: tagStart, inParent: false)
                if !inParent { nodes.append(.section(name, children, inverted: kind == UInt8(ascii: "^"))) }
            case UInt8(ascii: "/"):
                position += 1
                let name = try readTagContent(tagStart)
                guard let section, name == section else {
                    throw error(
                        at: tagStart,
                        section.map { "`{{/\(name)}}` where `{{/\($0)}}` was expected" }
                            ?? "`{{/\(name)}}` closes a section that is not open")
                }
                let standalone = consumeStandalone()
                flushIndentation(into: &nodes, unless: standalone || inParent)
                return nodes
            case UInt8(ascii: "!"):
                _ = try readTagContent(tagStart)
                let standalone = consumeStandalone()
                flushIndentation(into: &nodes, unless: standalone || inParent)
            case UInt8(ascii: "="):
                position += 1
                try setDelimiters(tagStart)
                let standalone = consumeStandalone()
                flushIndentation(into: &nodes, unless: standalone || inParent)
            case UInt8(ascii: ">"):
                let (name, indentation) = try templateTag(tagStart, inParent: inParent, into: &nodes)
                if !inParent { nodes.append(.partial(name, indentation: indentation)) }
            case UInt8(ascii: "<"):
                let (name, indentation) = try templateTag(tagStart, inParent: inParent, into: &nodes)
                let blocks = try parentBlocks(closing: name, openedAt: tagStart)
                if !inParent { nodes.append(.parent(name, indentation: indentation, blocks: blocks)) }
            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(tagStart)
                guard name.transforms.isEmpty, name.path.count == 1 else {
                    throw error(at: tagStart, "a block name cannot have dots or transforms")
                }
                let whitespace = indentation
                let standalone = consumeStandalone()
                flushIndentation(into: &nodes, unless: inParent)
                let children = try self.nodes(closing: name.text, openedAt: tagStart, inParent: false)
                if inParent {
                    nodes.append(.block(name.text, defaultNodes: children, indentation: []))
                } else {
                    nodes.append(
                        .block(name.text, defaultNodes: children, indentation: standalone ? whitespace : []))
                }
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                position += 1
                let name = try readName(
                    tagStart, extraClose: kind == UInt8(ascii: "{") ? UInt8(ascii: "}") : nil)
                flushIndentation(into: &nodes, unless: inParent)
                atLineStart = false
                if !inParent { nodes.append(.variable(name, escaped: false)) }
            case UInt8(ascii: "%"):
                throw error(at: tagStart, "pragmas (`{{%…}}`) are not supported")
            default:
                let name = try readName(tagStart)
                flushIndentation(into: &nodes, unless: inParent)
                atLineStart = false
                if !inParent { nodes.append(.variable(name, escaped: true)) }
            }
        }
    }

    /// The rest of a `{{> name}}` or `{{< name}}` tag: the template's name, and the whitespace
    /// before the tag when it stands alone (put before every line of the template).
    private mutating func templateTag(_ tagStart: Int, inParent: Bool, into nodes: inout [TemplateNode])
        throws(TemplateSyntaxError) -> (name: String, indentation: [UInt8])
    {
        position += 1
        let name = try readPartialName(tagStart)
        let whitespace = indentation
        let standalone = consumeStandalone()
        flushIndentation(into: &nodes, unless: inParent)
        return (name, standalone ? whitespace : [])
    }

    /// The block definitions inside `{{< parent}}…{{/parent}}`; anything else there is ignored.
    private mutating func parentBlocks(closing: String, openedAt: Int) throws(TemplateSyntaxError)
        -> [String: [TemplateNode]]
    {
        var blocks: [String: [TemplateNode]] = [:]
        for node in try nodes(closing: closing, openedAt: openedAt, inParent: true) {
            if case .block(let name, let children, _) = node, blocks[name] == nil { blocks[name] = children }
        }
        return blocks
    }

    /// Emits the pending indentation as text, unless the tag's line is dropped.
    private mutating func flushIndentation(into nodes: inout [TemplateNode], unless dropped: Bool) {
        if !dropped, !indentation.isEmpty { nodes.append(.text(indentation)) }
        indentation = []
    }

    /// After a tag that may stand alone: if it is alone on its line (only blanks before it and
    /// up to the line end), consumes the rest of the line and says so.
    private mutating func consumeStandalone() -> Bool {
        guard atLineStart else { return false }
        var end = position
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") {
            end += 1
        }
        if end == bytes.count {
            position = end
            return true
        }
        guard let newline = newlineLength(at: end) else {
            atLineStart = false
            return false
        }
        position = end + newline
        atLineStart = true
        return true
    }

    private mutating func readBlanks() -> [UInt8] {
        let start = position
        while position < bytes.count,
            bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t")
        {
            position += 1
        }
        return Array(bytes[start..<position])
    }

    /// Text up to the next opening delimiter, line end or end of the template.
    private mutating func readText() -> [UInt8] {
        let start = position
        while position < bytes.count, newlineLength(at: position) == nil, !matches(open, at: position) {
            position += 1
        }
        return Array(bytes[start..<position])
    }

    private func newlineLength(at index: Int) -> Int? {
        if bytes[index] == UInt8(ascii: "\n") { return 1 }
        if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n")
        {
            return 2
        }
        return nil
    }

    private func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= bytes.count else { return false }
        for offset in delimiter.indices where bytes[index + offset] != delimiter[offset] { return false }
        return true
    }

    /// The tag's content up to its closing delimiter (which is consumed), trimmed.
    private mutating func readTagContent(_ tagStart: Int, extraClose: UInt8? = nil)
        throws(TemplateSyntaxError)
        -> String
    {
        let start = position
        let end = (extraClose.map { [$0] } ?? []) + close
        while position < bytes.count, !matches(end, at: position) { position += 1 }
        guard position < bytes.count else {
            throw error(at: tagStart, "tag is not closed with `\(String(decoding: end, as: UTF8.self))`")
        }
        let content = String(decoding: bytes[start..<position], as: UTF8.self)
        position += end.count
        return content.trimmingBlanks
    }

    private mutating func readName(_ tagStart: Int, extraClose: UInt8? = nil) throws(TemplateSyntaxError)
        -> TemplateName
    {
        let content = try readTagContent(tagStart, extraClose: extraClose)
        guard let name = Self.name(content) else {
            throw error(
                at: tagStart,
                "`\(content)` is not a name (letters, digits, `.`, `-`, `_`, `?`, transforms like `empty(list)`)"
            )
        }
        return name
    }

    private mutating func readPartialName(_ tagStart: Int) throws(TemplateSyntaxError) -> String {
        let content = try readTagContent(tagStart)
        guard !content.isEmpty, content.utf8.allSatisfy({ Self.isNameByte($0) || $0 == UInt8(ascii: "/") })
        else {
            throw error(at: tagStart, "`\(content)` is not a template name")
        }
        return content
    }

    private mutating func setDelimiters(_ tagStart: Int) throws(TemplateSyntaxError) {
        let content = try readTagContent(tagStart, extraClose: UInt8(ascii: "="))
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error(at: tagStart, "set delimiters as `{{=<% %>=}}`: two delimiters, no `=` in them")
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    /// `a.b`, `.`, `.a`, `empty(list)`, `first()`; nil when not a name.
    static func name(_ text: String) -> TemplateName? {
        var transforms: [String] = []
        var rest = Substring(text)
        while let parenthesis = rest.firstIndex(of: "(") {
            guard rest.hasSuffix(")") else { return nil }
            transforms.append(String(rest[..<parenthesis]))
            rest = rest[rest.index(after: parenthesis)..<rest.index(before: rest.endIndex)]
        }
        guard transforms.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isNameByte) }),
            rest.utf8.allSatisfy(isNameByte), !rest.isEmpty || !transforms.isEmpty
        else { return nil }
        if rest == "." || rest.isEmpty {
            return TemplateName(path: [], anchored: !rest.isEmpty, transforms: transforms, text: text)
        }
        let anchored = rest.hasPrefix(".")
        let path = rest.split(separator: ".", omittingEmptySubsequences: false).dropFirst(anchored ? 1 : 0)
        guard !path.contains(where: \.isEmpty) else { return nil }
        return TemplateName(
            path: path.map(String.init), anchored: anchored, transforms: transforms, text: text)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "?"):
            true
        default: false
        }
    }

    private func error(at offset: Int, _ message: String) -> TemplateSyntaxError {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return TemplateSyntaxError(line: line, column: column, message: message)
    }
}

extension String {
    fileprivate var trimmingBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) })
        else {
            return ""
        }
        return String(self[first...last])
    }
}
