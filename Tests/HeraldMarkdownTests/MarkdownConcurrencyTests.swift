import CCmarkInlineTables
import Testing

@testable import HeraldCore
@testable import HeraldMarkdown
@testable import HeraldTestSupport

/// cmark-gfm 0.29.0.gfm.6 keeps inline-parser tables in process globals that every finishing
/// parser changes; unless they are pinned (`CCmarkInlineTables`) or parsers finish under a lock,
/// concurrent renders lose strikethrough and autolinks. This renders the same documents
/// serially and then from many concurrent tasks and requires identical output.
@Suite struct MarkdownConcurrencyTests {
    static let documents = [
        "~~Old~~ \"new\" status -- see www.example.com and https://status.example.com/x.",
        """
        | Cluster | State |
        |---|---|
        | A | ~~down~~ up |
        | B | mail ops@example.com |

        It's "fine"[^1]... mostly.

        [^1]: Checked at https://example.org/check --- twice.
        """,
        "Write to support@example.net or visit www.example.org/help -- 'thanks'.\n\n- [x] ~~fix~~\n- [ ] verify",
        "# Post\n\nA ~~strike~~ and **bold** and www.example.com[^n].\n\n[^n]: Note with ~~x~~.\n",
        "Plain \"quotes\" only... and a https://example.com/very/long/path?q=1 link.",
    ]

    /// Each document a few times over, so inline parsing takes long enough for parallel renders
    /// to overlap (and, without the lock, to corrupt each other in most runs).
    static let longDocuments = documents.map { Array(repeating: $0, count: 6).joined(separator: "\n\n") }

    /// On Linux the binary exports `CCmarkInlineTables`' replacement (Package.swift asks the
    /// linker to), the library calls it, and it pins the tables. Should any of that stop, Markdown
    /// would still render, but one document at a time under the lock: this shows it.
    @Test func inlineTablesArePinnedOnLinux() {
        #if os(Linux)
            #expect(
                herald_cmark_inline_tables_exported() != 0,
                "the binary does not export cmark_manage_extensions_special_characters")
            #expect(CmarkLibrary.inlineTables == .pinned)
        #endif
    }

    @Test func parallelRendersMatchSerialOnes() async {
        let renderer = MarkdownRenderer()
        let documents = Self.longDocuments
        let serial = documents.map { renderer.html($0, idPrefix: "p-") }
        // The serial output itself uses every feature the globals affect.
        #expect(serial[0].contains("<del>Old</del>") && serial[0].contains("href=\"http://www.example.com\""))
        #expect(serial[1].contains("<table>") && serial[1].contains("id=\"p-fn-1\""))
        #expect(serial[2].contains("href=\"mailto:support@example.net\""))

        let renders = 2_000
        let wrong = await withTaskGroup(of: Int.self) { group in
            for index in 0..<renders {
                group.addTask {
                    let which = index % documents.count
                    return renderer.html(documents[which], idPrefix: "p-") == serial[which] ? 0 : 1
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0, "\(wrong) of \(renders) parallel renders differed from the serial output")
    }
}
