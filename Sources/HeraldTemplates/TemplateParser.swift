import HeraldCore

/// A template that cannot be parsed, with where (1-based line and column of the tag).
package struct TemplateSyntaxError: Error, Equatable {
    package var line: Int
    package var column: Int
    package var message: String
}

/// Parses Mustache templates as the Mustache specification (v1.4) describes them: variables,
/// sections, inverted sections, comments, partials, set delimiters and inheritance (parents and
/// blocks), with "standalone" tag lines removed; plus swift-mustache's transforms (`empty(x)`).
///
/// A line is standalone when it holds nothing but blanks and tags that output nothing where they
/// stand (sections, comments, set delimiters, partials, parents, blocks), one tag or several:
/// its blanks and line end are dropped, and the blanks become the indentation of a partial or
/// parent on it. The inheritance module's indentation rules are worked out here, so rendering
/// only puts an indentation it is given at the start of each output line:
/// - a block's indentation is, when its opening tag ends a standalone line, the blanks of the
///   line after it (its content's own indentation), else those of its standalone line, and
///   none when its line is not standalone;
/// - a block passed to a parent loses its indentation on every line (the parse strips it), and
///   a parent's block gets its indentation on every line of what replaces it (the renderer
///   adds it);
/// - a block whose opening and closing tags share a standalone line keeps that line's end
///   (what replaces it is usually a line or two of text without a final line break).
///
/// Hand-written rather than taken from swift-mustache: its renderer escaped HTML one
/// `Character` at a time and looked every name up through dynamic casts, 29% of the CPU time of
/// a 10,000-incident build; it cannot render our typed `TemplateValue` trees, and its parsed
/// tokens are not public. Lambdas, dynamic partials and pragmas are not supported (no logic in
/// templates); a template using them gets an error at its line and column.
package struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    /// At the start of a line not yet looked at.
    private var atLineStart = true
    /// Where the current line starts.
    private var lineStart = 0
    /// The current line holds only blanks and tags that may stand alone.
    private var lineStandalone = false
    /// Leading whitespace of the current line, not yet emitted (dropped if the line is standalone).
    private var indentation: [UInt8] = []
    /// Blanks removed from the start of every line: the indentation of the blocks passed to a
    /// parent around the current position.
    private var outdent: [UInt8] = []
    /// Sections, blocks and parents open around the current position.
    private var depth = 0
    /// The partial and parent tags read so far.
    private var references: [TemplateReference] = []
    /// Deeper nesting is refused rather than parsed by recursion until the stack overflows.
    static let maximumDepth = 100

    package static func parse(_ text: String) throws(TemplateSyntaxError) -> Template {
        var parser = TemplateParser(bytes: Array(text.utf8))
        let nodes = try parser.nodes(closing: nil, openedAt: 0, inParent: false)
        return Template(nodes: nodes, references: parser.references)
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
    /// definitions count. `blockLine`: for a block opened on a standalone line without ending
    /// it, where that line starts.
    private mutating func nodes(
        closing section: String?, openedAt: Int, inParent: Bool, blockLine: Int? = nil
    )
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
            if atLineStart {
                lineStart = position
                indentation = withoutOutdent(readBlanks())
                lineStandalone = holdsOnlyStandaloneTags(from: position)
                atLineStart = false
            }
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
            }
            guard position < bytes.count else {
                if let section {
                    throw error(at: openedAt, "`\(section)` is never closed with `{{/\(section)}}`")
                }
                if !lineStandalone, !indentation.isEmpty, !inParent { nodes.append(.text(indentation)) }
                return nodes
            }
            let tagStart = position
            position += open.count
            let kind = position < bytes.count ? bytes[position] : 0
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName(tagStart)
                flushIndentation(into: &nodes, unless: inParent)
                endStandaloneTag()
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
                flushIndentation(into: &nodes, unless: inParent)
                if lineStandalone, let blockLine, blockLine == lineStart {
                    // Opened on this line: the line end stays, after the block.
                    indentation = []
                } else {
                    endStandaloneTag()
                }
                return nodes
            case UInt8(ascii: "!"):
                _ = try readTagContent(tagStart)
                flushIndentation(into: &nodes, unless: inParent)
                endStandaloneTag()
            case UInt8(ascii: "="):
                position += 1
                try setDelimiters(tagStart)
                flushIndentation(into: &nodes, unless: inParent)
                endStandaloneTag()
            case UInt8(ascii: ">"):
                let (name, indentation) = try templateTag(tagStart, inParent: inParent, into: &nodes)
                references.append(reference(to: name, at: tagStart))
                if !inParent { nodes.append(.partial(name, indentation: indentation)) }
            case UInt8(ascii: "<"):
                let (name, indentation) = try templateTag(tagStart, inParent: inParent, into: &nodes)
                references.append(reference(to: name, at: tagStart))
                let blocks = try parentBlocks(closing: name, openedAt: tagStart)
                if !inParent { nodes.append(.parent(name, indentation: indentation, blocks: blocks)) }
            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(tagStart)
                guard name.transforms.isEmpty, name.path.count == 1 else {
                    throw error(at: tagStart, "a block name cannot have dots or transforms")
                }
                let (blockIndentation, blockLine) = blockTag()
                flushIndentation(into: &nodes, unless: inParent)
                let enclosingOutdent = outdent
                if inParent { outdent += blockIndentation }
                let children = try self.nodes(
                    closing: name.text, openedAt: tagStart, inParent: false, blockLine: blockLine)
                outdent = enclosingOutdent
                nodes.append(.block(name.text, defaultNodes: children, indentation: blockIndentation))
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                position += 1
                let name = try readName(
                    tagStart, extraClose: kind == UInt8(ascii: "{") ? UInt8(ascii: "}") : nil)
                flushIndentation(into: &nodes, unless: inParent)
                if !inParent { nodes.append(.variable(name, escaped: false)) }
            case UInt8(ascii: "%"):
                throw error(at: tagStart, "pragmas (`{{%…}}`) are not supported")
            default:
                let name = try readName(tagStart)
                flushIndentation(into: &nodes, unless: inParent)
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
        let whitespace = lineStandalone ? indentation : []
        flushIndentation(into: &nodes, unless: inParent)
        endStandaloneTag()
        return (name, whitespace)
    }

    /// After a `{{$block}}` tag: the block's indentation (see the type's comment), and where
    /// its line starts when the tag is on a standalone line that goes on after it.
    private mutating func blockTag() -> (indentation: [UInt8], line: Int?) {
        guard lineStandalone else { return ([], nil) }
        let line = lineStart
        let lineIndentation = indentation
        endStandaloneTag()
        guard atLineStart || position == bytes.count else { return (lineIndentation, line) }
        var end = position
        while end < bytes.count, Self.isBlank(bytes[end]) { end += 1 }
        return (withoutOutdent(Array(bytes[position..<end])), nil)
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

    /// Emits the pending indentation as text before a tag, unless the tag's line is dropped
    /// (standalone) or ignored (directly in a parent).
    private mutating func flushIndentation(into nodes: inout [TemplateNode], unless ignored: Bool) {
        if lineStandalone { return }
        if !ignored, !indentation.isEmpty { nodes.append(.text(indentation)) }
        indentation = []
    }

    /// After a tag on a standalone line: drops the blanks after it and, if it is the line's last
    /// tag, the line end.
    private mutating func endStandaloneTag() {
        guard lineStandalone else { return }
        while position < bytes.count, Self.isBlank(bytes[position]) { position += 1 }
        if position < bytes.count, let newline = newlineLength(at: position) {
            position += newline
            atLineStart = true
        }
    }

    /// Whether the line, from `start` to its end, holds at least one tag and otherwise only
    /// blanks and tags that may stand alone. Set-delimiter tags on the line are followed; a tag
    /// that is not closed makes the line not standalone (the parse then reports it).
    private func holdsOnlyStandaloneTags(from start: Int) -> Bool {
        var open = self.open
        var close = self.close
        var index = start
        var sawTag = false
        while true {
            while index < bytes.count, Self.isBlank(bytes[index]) { index += 1 }
            if index == bytes.count || newlineLength(at: index) != nil { return sawTag }
            let kindIndex = index + open.count
            guard matches(open, at: index), kindIndex < bytes.count else { return false }
            let kind = bytes[kindIndex]
            guard Self.standaloneKinds.contains(kind) else { return false }
            let end = kind == UInt8(ascii: "=") ? [kind] + close : close
            var contentEnd = kindIndex + 1
            while contentEnd < bytes.count, !matches(end, at: contentEnd) { contentEnd += 1 }
            guard contentEnd < bytes.count else { return false }
            if kind == UInt8(ascii: "=") {
                guard let delimiters = Self.delimiters(in: bytes[(kindIndex + 1)..<contentEnd]) else {
                    return false
                }
                (open, close) = delimiters
            }
            index = contentEnd + end.count
            sawTag = true
        }
    }

    /// The tags that output nothing where they stand, by the byte after the opening delimiter.
    private static let standaloneKinds: [UInt8] = Array("#^/!=><$".utf8)

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// `blanks` without the outdent of the blocks passed to a parent around them (as much of it
    /// as they start with).
    private func withoutOutdent(_ blanks: [UInt8]) -> [UInt8] {
        var shared = 0
        while shared < min(blanks.count, outdent.count), blanks[shared] == outdent[shared] { shared += 1 }
        return shared == 0 ? blanks : Array(blanks[shared...])
    }

    private mutating func readBlanks() -> [UInt8] {
        let start = position
        while position < bytes.count, Self.isBlank(bytes[position]) { position += 1 }
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
        guard let delimiters = Self.delimiters(in: content.utf8) else {
            throw error(at: tagStart, "set delimiters as `{{=<% %>=}}`: two delimiters, no `=` in them")
        }
        (open, close) = delimiters
    }

    /// The two delimiters of a set-delimiter tag's content (`<% %>`); nil unless there are two,
    /// without `=`.
    private static func delimiters(in content: some Collection<UInt8>) -> (open: [UInt8], close: [UInt8])? {
        let parts = content.split { isBlank($0) || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else { return nil }
        return (Array(parts[0]), Array(parts[1]))
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
        let (line, column) = lineAndColumn(of: offset)
        return TemplateSyntaxError(line: line, column: column, message: message)
    }

    private func reference(to name: String, at offset: Int) -> TemplateReference {
        let (line, column) = lineAndColumn(of: offset)
        return TemplateReference(name: name, line: line, column: column)
    }

    /// The 1-based line and column (in characters) of a byte offset.
    private func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1)
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
