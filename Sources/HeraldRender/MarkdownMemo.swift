import HeraldCore

/// The rendered Markdown of items an earlier build rendered, each by a hash of what it was made
/// from (the item's source, `PageInputs.Sources`, and the cmark options); the entries a build
/// used become the next build's memo, so items that are gone drop out.
///
/// By item rather than by text: a text-keyed memo had every text of the archive hashed on every
/// build to be looked up (at 10,000 incidents most of a rebuild's Markdown stage), while an
/// item's source is already known. An edited item renders all its texts again, a few at most.
package struct MarkdownMemo: Sendable {
    /// What was stored; read-only while rendering, shared by every thread.
    package let stored: [StableHash: MemoizedEntry]

    package init(stored: [StableHash: MemoizedEntry] = [:]) {
        self.stored = stored
    }

    /// The key of an item made from `source`, rendered with `options`.
    static func key(source: StableHash, options: Int32) -> StableHash {
        var hasher = StableHasher()
        hasher.combine("herald-rendered-entry 1")
        hasher.combine(Int(options))
        hasher.combine(source)
        return hasher.finalize()
    }
}
