import CCmarkGFM
import HeraldCore

/// Text of a parsed document without markup, for titles, summaries and feeds.
enum PlainText {
    /// The words of the tree under `node`: text, code spans and image alt text, with breaks and
    /// block boundaries as spaces; raw HTML, footnote references and footnote definitions left
    /// out. Whitespace is collapsed to single spaces.
    static func of(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let entering = cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(current)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                text += CmarkTree.literal(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                // Skip the definition's subtree: resume at its exit event.
                if entering { cmark_iter_reset(iterator, current, CMARK_EVENT_EXIT) }
            default:
                if !entering, type.rawValue & 0xc000 == 0x8000 {
                    text += " "  // a block ends (table cells are blocks too)
                }
            }
        }
        return collapsingWhitespace(text)
    }

    /// The first paragraph of the document (outside footnotes) as plain text, or "".
    static func firstParagraph(of root: OpaquePointer) -> String {
        for node in CmarkTree.nodes(under: root) where cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
            if !isInFootnote(node) {
                return of(node)
            }
        }
        return ""
    }

    /// `text` with runs of Unicode white space turned into one space and none at either end.
    /// Builds UTF-8 bytes directly: `Character.isWhitespace` and appending to a
    /// `UnicodeScalarView` are both slow.
    static func collapsingWhitespace(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace =
                scalar.isASCII
                ? scalar == " " || (0x09...0x0D).contains(scalar.value)
                : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(UInt8(ascii: " ")) }
            pendingSpace = false
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isInFootnote(_ node: OpaquePointer) -> Bool {
        var ancestor = cmark_node_parent(node)
        while let current = ancestor {
            if cmark_node_get_type(current) == CMARK_NODE_FOOTNOTE_DEFINITION { return true }
            ancestor = cmark_node_parent(current)
        }
        return false
    }
}
