import CCmarkGFM
import HeraldCore

/// Removes what the site must not publish from a parsed document, before it is rendered.
enum MarkdownSanitizer {
    /// Drops links (keeping their text) and images (keeping their alt text) whose URL scheme
    /// `URLSchemePolicy` refuses; drops raw HTML unless `keepRawHTML`, in which case its URL
    /// attributes are neutralised instead.
    static func sanitize(_ document: borrowing CmarkDocument, keepRawHTML: Bool) {
        // Document order puts a node before its descendants, and only leaves or emptied nodes
        // are freed, so every pointer still to be visited stays valid.
        for node in CmarkTree.nodes(under: document.root) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if !URLSchemePolicy.allows(CmarkTree.url(node)) {
                    CmarkTree.unwrap(node)
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if keepRawHTML {
                    let html = CmarkTree.literal(node)
                    let neutralised = RawHTMLAttributeFilter.neutralise(html)
                    if neutralised != html {
                        _ = cmark_node_set_literal(node, neutralised)
                    }
                } else {
                    CmarkTree.remove(node)
                }
            default:
                break
            }
        }
    }
}
