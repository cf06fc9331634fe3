import HeraldCore

/// The state of cmark-gfm's inline special-character tables (see `cmark_inline_tables.c`).
enum InlineTables: Equatable {
    /// Herald's replacement added the characters for good: parsers finish in parallel.
    case pinned
    /// The library does not call Herald's replacement (its calls are bound to its own
    /// definition, or the binary does not export the replacement): parsers finish under the
    /// lock, one at a time.
    case notCalled
    /// The library calls the replacement, which found no library definition to add the
    /// characters with: extension syntax (strikethrough, autolinks, tables) is not recognised.
    case libraryDefinitionMissing
}
