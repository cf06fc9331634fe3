// cmark-gfm 0.29.0.gfm.6 (Debian's) keeps the inline parser's special-character tables in
// process-global arrays. cmark_parser_finish calls cmark_manage_extensions_special_characters
// (through the PLT) to add the attached extensions' trigger characters (`~`, `:`, `w`, `|`)
// before inline parsing and to remove them afterwards, so one parser finishing removes them
// from under another one still parsing: lost strikethrough and autolinks.
//
// Herald attaches the same five extensions to every parser, so the tables only ever need to
// hold that one set. This definition adds the characters once, with the library's function,
// and never removes them: every parse sees exactly the tables a lone parse would, and parsers
// can finish in parallel.
//
// The library calls this definition instead of its own only if the executable exports it, so
// that the dynamic linker finds it first. Package.swift asks the linker to, with
// --export-dynamic-symbol on the executable and test targets. (gold, Swift's linker on Linux,
// also exports it unasked, because a shared library in the link references the name; the
// option makes that deliberate rather than a side effect.) Where the library's calls are bound
// to its own definition instead, this one is never called; herald_cmark_inline_tables_state()
// tells, and Herald keeps a lock around cmark_parser_finish unless it reports the tables
// pinned. MarkdownConcurrencyTests fails on Linux unless they are.
#define _GNU_SOURCE
#include "cmark_inline_tables.h"

#include <cmark-gfm.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

typedef void (*manage_special_characters)(void *parser, int add);

static const char name[] = "cmark_manage_extensions_special_characters";
static pthread_mutex_t pinning = PTHREAD_MUTEX_INITIALIZER;
static int state = HERALD_INLINE_TABLES_NOT_CALLED;

/// The library's own definition: the next one after this in symbol lookup or, should that
/// order ever differ, the one in the object that holds the rest of cmark-gfm. NULL if neither.
static manage_special_characters library_definition(void) {
    void *function = dlsym(RTLD_NEXT, name);
    Dl_info library;
    if (!function && dladdr((void *)cmark_parser_new, &library) && library.dli_fname) {
        void *handle = dlopen(library.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
        if (handle) {
            function = dlsym(handle, name);
            dlclose(handle);
        }
    }
    return (manage_special_characters)function;
}

void cmark_manage_extensions_special_characters(void *parser, int add) {
    if (!add || __atomic_load_n(&state, __ATOMIC_ACQUIRE) != HERALD_INLINE_TABLES_NOT_CALLED) return;
    pthread_mutex_lock(&pinning);
    if (state == HERALD_INLINE_TABLES_NOT_CALLED) {
        manage_special_characters library = library_definition();
        if (library) library(parser, 1);
        // Without the library's function nothing can add the characters (the tables are
        // private to it), so extension syntax goes unrecognised: the state says so, Herald's
        // tests fail on it, and Herald keeps the lock, as when this is never called.
        __atomic_store_n(
            &state, library ? HERALD_INLINE_TABLES_PINNED : HERALD_INLINE_TABLES_LIBRARY_MISSING,
            __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&pinning);
}

int herald_cmark_inline_tables_state(void) { return __atomic_load_n(&state, __ATOMIC_ACQUIRE); }

int herald_cmark_inline_tables_exported(void) {
    return dlsym(RTLD_DEFAULT, name) == (void *)cmark_manage_extensions_special_characters;
}
