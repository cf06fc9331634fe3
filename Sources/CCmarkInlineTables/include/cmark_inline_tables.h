#ifndef HERALD_CMARK_INLINE_TABLES_H
#define HERALD_CMARK_INLINE_TABLES_H

/// Whether cmark-gfm's inline special-character tables are pinned (see cmark_inline_tables.c):
/// true once the library has called Herald's replacement of
/// cmark_manage_extensions_special_characters, after which parsers may finish in parallel.
int herald_cmark_inline_tables_pinned(void);

#endif
