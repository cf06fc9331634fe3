import CCmarkGFM
import Foundation

/// Process-wide state of the cmark-gfm library.
enum CmarkLibrary {
    /// The GFM extensions every parser gets.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions. gfm.6's own latch is not thread-safe; a `static let`
    /// initialiser runs exactly once per process, whichever thread reads it first.
    static let coreExtensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Serialises inline parsing. gfm.6 keeps the inline parser's special-character tables in
    /// process-global arrays, and `cmark_parser_finish` adds the extensions' trigger characters
    /// to them and removes them again, so two parsers finishing at once corrupt each other
    /// (lost strikethrough and autolinks). Only `cmark_parser_finish` runs under this lock;
    /// block parsing (`cmark_parser_feed`), AST filtering and HTML rendering touch no globals
    /// and run in parallel.
    static let inlineParsingLock = NSLock()
}
