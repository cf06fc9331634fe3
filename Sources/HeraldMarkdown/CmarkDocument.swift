import CCmarkGFM
import Foundation
import HeraldCore

/// One parse with cmark-gfm: owns the parser and its document tree and frees both when it goes
/// away. Not copyable, so the C objects have exactly one owner.
struct CmarkDocument: ~Copyable {
    /// `cmark_parser *`; kept alive for its extension list, which the HTML renderer needs.
    let parser: OpaquePointer
    /// `cmark_node *` of the document.
    let root: OpaquePointer
    /// `CMARK_OPT_*` flags, given to the parser and the renderer alike.
    let options: Int32

    /// Parses `markdown` with all GFM extensions; nil only if cmark-gfm fails to allocate.
    init?(_ markdown: String, options: Int32) {
        guard let parser = CmarkLibrary.newParser(options: options) else { return nil }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    cmark_parser_feed(parser, base, chars.count)
                }
            }
        }
        let root = CmarkLibrary.finish(parser)
        guard let root else {
            cmark_parser_free(parser)
            return nil
        }
        self.parser = parser
        self.root = root
        self.options = options
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The document as HTML; tagfilter applies because the parser's extensions are passed along,
    /// and task-list boxes are labelled (`TaskListLabels`).
    func renderHTML() -> String {
        guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser))
        else { return "" }
        defer { free(html) }
        return TaskListLabels.labelling(String(cString: html))
    }
}
