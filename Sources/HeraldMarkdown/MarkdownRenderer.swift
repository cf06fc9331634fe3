import CCmarkGFM
import HeraldCore

/// Renders Markdown with cmark-gfm (GFM tables, strikethrough, autolinks, tag filter, task lists,
/// smart punctuation, footnotes) to sanitised HTML or plain text. Safe to use from many threads
/// at once; see `CmarkLibrary.inlineParsingLock` for the one part that is serialised.
package struct MarkdownRenderer: Sendable {
    /// Larger documents, and documents nesting deeper than `MarkdownNesting` allows, are not
    /// parsed (gfm.6 has known polynomial-time inputs) but shown as escaped text. Validation
    /// refuses both, so this only guards text that did not come through it.
    package static let maximumDocumentBytes = 1 << 20

    package let options: MarkdownOptions

    package init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// `CMARK_OPT_*` for parser and renderer alike.
    package var cmarkOptions: Int32 {
        var flags = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        return flags
    }

    /// Block Markdown → HTML fragment. `idPrefix` namespaces footnote ids (fn/fnref) so several
    /// documents can share one page without duplicate ids.
    package func html(_ markdown: String, idPrefix: String = "") -> String {
        guard let document = parse(markdown) else {
            return "<p>" + XMLEscaping.escape(markdown) + "</p>\n"
        }
        return FootnoteIDs.prefixing(document.renderHTML(), with: idPrefix)
    }

    /// `html(_:idPrefix:)` and `firstParagraphText(_:)` of one text from a single parse.
    package func htmlAndFirstParagraphText(_ markdown: String, idPrefix: String = "") -> (
        html: String, firstParagraph: String
    ) {
        guard let document = parse(markdown) else {
            return (html(markdown, idPrefix: idPrefix), firstParagraphText(markdown))
        }
        return (
            FootnoteIDs.prefixing(document.renderHTML(), with: idPrefix),
            PlainText.firstParagraph(of: document.root)
        )
    }

    /// Inline Markdown (a question, a cluster description) → HTML without the wrapping
    /// <p>…</p>. Input that is more than one paragraph keeps all its block markup.
    package func inlineHTML(_ markdown: String) -> String {
        guard let document = parse(markdown) else { return XMLEscaping.escape(markdown) }
        return Self.inlineHTML(of: document)
    }

    /// `inlineHTML(_:)` and `plainText(_:)` of one text from a single parse.
    package func inlineHTMLAndPlainText(_ markdown: String) -> (html: String, text: String) {
        guard let document = parse(markdown) else { return (inlineHTML(markdown), plainText(markdown)) }
        return (Self.inlineHTML(of: document), PlainText.of(document.root))
    }

    private static func inlineHTML(of document: borrowing CmarkDocument) -> String {
        let html = document.renderHTML()
        let first = cmark_node_first_child(document.root)
        let isOneParagraph =
            first.map { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH && cmark_node_next($0) == nil }
            ?? false
        if isOneParagraph, html.hasPrefix("<p>"), html.hasSuffix("</p>\n") {
            return String(html.dropFirst(3).dropLast(5))
        }
        return String(html.trimmingSuffix(while: \.isNewline))
    }

    /// Plain text of the first paragraph (for summaries, meta descriptions, feed summaries),
    /// whitespace collapsed, no markup.
    package func firstParagraphText(_ markdown: String) -> String {
        guard let document = parse(markdown) else {
            let firstParagraph = markdown.split(separator: "\n\n", maxSplits: 1).first ?? ""
            return PlainText.collapsingWhitespace(String(firstParagraph))
        }
        return PlainText.firstParagraph(of: document.root)
    }

    /// Plain text of an inline fragment (e.g. a question rendered in a <title> or feed title).
    package func plainText(_ markdown: String) -> String {
        guard let document = parse(markdown) else { return PlainText.collapsingWhitespace(markdown) }
        return PlainText.of(document.root)
    }

    /// Every link and image destination in the text, where its node starts (1-based line and
    /// column within `markdown`), in document order, as the sanitised page would keep them.
    package func links(_ markdown: String) -> [MarkdownLink] {
        guard let document = parse(markdown) else { return [] }
        var links: [MarkdownLink] = []
        var last = (line: 1, column: 1)
        for node in CmarkTree.nodes(under: document.root) {
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            // Nodes the autolink extension makes may carry no position: the last known one is close.
            if line > 0 { last = (line, max(1, column)) }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let url = CmarkTree.url(node)
            if !url.isEmpty {
                links.append(MarkdownLink(destination: url, line: last.line, column: last.column))
            }
        }
        return links
    }

    /// The sanitised document, or nil when `markdown` is over the size or nesting cap (or cmark fails).
    private func parse(_ markdown: String) -> CmarkDocument? {
        guard markdown.utf8.count <= Self.maximumDocumentBytes, MarkdownNesting.excess(in: markdown) == nil,
            let document = CmarkDocument(markdown, options: cmarkOptions)
        else { return nil }
        MarkdownSanitizer.sanitize(document, keepRawHTML: options.unsafeHTML)
        return document
    }
}

/// A link's destination and where it starts in its Markdown text.
package struct MarkdownLink: Hashable, Sendable, Codable {
    package var destination: String
    package var line: Int
    package var column: Int
}

extension StringProtocol {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> SubSequence {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}

/// Coded as a list of its fields (`FieldList`): the links of every text are in its file's
/// parse record.
extension MarkdownLink {
    package init(from decoder: any Decoder) throws {
        let (destination, line, column): (String, Int, Int) = try FieldList.decode(decoder)
        self.init(destination: destination, line: line, column: column)
    }

    package func encode(to encoder: any Encoder) throws {
        try FieldList.encode(destination, line, column, to: encoder)
    }
}
