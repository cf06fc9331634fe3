import CCmarkGFM
import HeraldCore

/// Reading and reshaping a cmark node tree (`cmark_node *` as `OpaquePointer`).
enum CmarkTree {
    /// Every node under `root` (itself included) in document order. Collected up front so the
    /// caller may then change the tree, which `cmark_iter` does not allow mid-walk.
    static func nodes(under root: OpaquePointer) -> [OpaquePointer] {
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var nodes: [OpaquePointer] = []
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                let node = cmark_iter_get_node(iterator)
            {
                nodes.append(node)
            }
        }
        return nodes
    }

    /// Replaces `node` by its children, then frees it. Other pointers into the tree stay valid:
    /// the children are moved, not freed. If cmark refuses a move, the rest goes with the node.
    static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            if cmark_node_insert_before(node, child) == 0 { break }
        }
        cmark_node_free(node)
    }

    /// Unlinks and frees `node` (a leaf here), then its paragraph if that is left empty.
    static func remove(_ node: OpaquePointer) {
        let parent = cmark_node_parent(node)
        cmark_node_free(node)
        if let parent, cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH,
            cmark_node_first_child(parent) == nil
        {
            cmark_node_free(parent)
        }
    }

    /// The node's literal (text, code, raw HTML), or "".
    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// The link or image destination, entities and escapes already decoded by cmark, or "".
    static func url(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }
}
