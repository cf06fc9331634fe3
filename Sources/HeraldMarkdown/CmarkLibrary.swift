import CCmarkGFM
import CCmarkInlineTables
import Foundation
import HeraldCore

/// Process-wide state of the cmark-gfm library.
package enum CmarkLibrary {
    /// The version of the cmark-gfm library Herald runs on, as the library reports it.
    package static let version = String(cString: cmark_version_string())

    /// The GFM extensions every parser gets.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions. gfm.6's own latch is not thread-safe; a `static let`
    /// initialiser runs exactly once per process, whichever thread reads it first.
    static let coreExtensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Serialises inline parsing while the special-character tables are not pinned. gfm.6 keeps
    /// the inline parser's special-character tables in process-global arrays, and
    /// `cmark_parser_finish` adds the extensions' trigger characters to them and removes them
    /// again, so two parsers finishing at once corrupt each other (lost strikethrough and
    /// autolinks). Block parsing (`cmark_parser_feed`), AST filtering and HTML rendering touch
    /// no globals and always run in parallel.
    static let inlineParsingLock = NSLock()

    /// What became of `CCmarkInlineTables`' replacement of the library's add-then-remove of the
    /// trigger characters with adding them once (every Herald parser attaches the same
    /// extensions). One parse under the lock finds out.
    static let inlineTables: InlineTables = {
        inlineParsingLock.withLock {
            guard let parser = newParser(options: CMARK_OPT_DEFAULT) else { return .notCalled }
            defer { cmark_parser_free(parser) }
            cmark_parser_feed(parser, "~~pin~~", 7)
            if let root = cmark_parser_finish(parser) { cmark_node_free(root) }
            switch herald_cmark_inline_tables_state() {
            case HERALD_INLINE_TABLES_PINNED: return .pinned
            case HERALD_INLINE_TABLES_LIBRARY_MISSING: return .libraryDefinitionMissing
            default: return .notCalled
            }
        }
    }()

    /// Whether parsers may finish in parallel.
    static var inlineTablesPinned: Bool { inlineTables == .pinned }

    /// A parser with every GFM extension attached; nil only if cmark-gfm fails to allocate.
    static func newParser(options: Int32) -> OpaquePointer? {
        guard coreExtensionsRegistered, let parser = cmark_parser_new(options) else { return nil }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        return parser
    }

    /// Runs `cmark_parser_finish`, under the lock unless the tables are pinned.
    static func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        if inlineTablesPinned { return cmark_parser_finish(parser) }
        return inlineParsingLock.withLock { cmark_parser_finish(parser) }
    }
}
