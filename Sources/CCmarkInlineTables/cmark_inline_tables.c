// cmark-gfm 0.29.0.gfm.6 (Debian's) keeps the inline parser's special-character tables in
// process-global arrays. cmark_parser_finish calls cmark_manage_extensions_special_characters
// (through the PLT) to add the attached extensions' trigger characters (`~`, `:`, `w`, `|`)
// before inline parsing and to remove them afterwards, so one parser finishing removes them
// from under another one still parsing: lost strikethrough and autolinks.
//
// Herald attaches the same five extensions to every parser, so the tables only ever need to
// hold that one set. This definition, found before the library's own (the executable comes
// first in symbol lookup), adds the characters once, with the library's function, and never
// removes them: every parse sees exactly the tables a lone parse would, and parsers can finish
// in parallel. Whether the library really calls this definition depends on the executable
// exporting it (Package.swift asks the linker to); herald_cmark_inline_tables_pinned() tells,
// and Herald keeps a lock around cmark_parser_finish until it says yes.
#define _GNU_SOURCE
#include "cmark_inline_tables.h"

#include <dlfcn.h>
#include <pthread.h>

typedef void (*manage_special_characters)(void *parser, int add);

static pthread_mutex_t pinning = PTHREAD_MUTEX_INITIALIZER;
static int pinned = 0;

void cmark_manage_extensions_special_characters(void *parser, int add) {
    if (!add || __atomic_load_n(&pinned, __ATOMIC_ACQUIRE)) return;
    pthread_mutex_lock(&pinning);
    if (!pinned) {
        manage_special_characters library =
            (manage_special_characters)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        if (library) {
            library(parser, 1);
            __atomic_store_n(&pinned, 1, __ATOMIC_RELEASE);
        }
    }
    pthread_mutex_unlock(&pinning);
}

int herald_cmark_inline_tables_pinned(void) { return __atomic_load_n(&pinned, __ATOMIC_ACQUIRE); }
