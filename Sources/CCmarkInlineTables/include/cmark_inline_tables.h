#ifndef HERALD_CMARK_INLINE_TABLES_H
#define HERALD_CMARK_INLINE_TABLES_H

/// cmark-gfm has not called Herald's replacement of cmark_manage_extensions_special_characters
/// (yet, or at all: the library's calls are bound to its own definition).
#define HERALD_INLINE_TABLES_NOT_CALLED 0
/// The library called the replacement, which added the special characters for good: parsers
/// may finish in parallel.
#define HERALD_INLINE_TABLES_PINNED 1
/// The library called the replacement, which found no library definition to add the special
/// characters with: they are missing, so extension syntax is not recognised.
#define HERALD_INLINE_TABLES_LIBRARY_MISSING 2

/// Where cmark-gfm's inline special-character tables are (see cmark_inline_tables.c): one of
/// the HERALD_INLINE_TABLES_ values.
int herald_cmark_inline_tables_state(void);

/// Whether symbol lookup finds Herald's replacement first, as the library's calls do when they
/// go through its symbol table: 1 when the binary exports it, 0 otherwise.
int herald_cmark_inline_tables_exported(void);

#endif
