import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldMarkdown
@testable import HeraldRender
@testable import HeraldTestSupport
@testable import HeraldValidate

/// Content and templates written to make a build run for ever get an error instead, and ordinary
/// content that merely looks like them is accepted. Bounds are asserted by what comes out (an
/// error, a count), never by timing.
@Suite struct BoundedInputTests {
    static let path = "Content/incidents/2025-10-06-hostile.md"

    /// An incident of the fixture site with `extra` front matter lines (from line 7) and `body`.
    static func incident(_ extra: [String] = [], body: String = "Body.") -> String {
        let head = [
            "---", "title: T", "started: 2025-10-06T17:30:00Z", "affected:", "  - cluster: a",
            "    status: partial-outage",
        ]
        return (head + extra + ["---", body]).joined(separator: "\n") + "\n"
    }

    static func errors(_ file: String) throws -> [String] {
        Fixture.errors(try Fixture.validate(replacing: [path: file]))
    }

    // MARK: YAML aliases

    /// Eight anchors, each a list of ten aliases of the one before, every alias after a U+2028
    /// (a line break to libyaml), and the last one as a key: a hundred million nodes to hash.
    @Test func aliasesAfterLineSeparatorsAreCountedAndRefusedAtTheirLine() throws {
        var lines = ["a0: &a0 [" + Array(repeating: "xxxxxxxxxx", count: 10).joined(separator: ", ") + "]"]
        for level in 1...7 {
            lines.append(
                "a\(level): &a\(level) ["
                    + Array(repeating: "\u{2028}*a\(level - 1)", count: 10).joined(separator: ",")
                    + "]")
        }
        lines.append("\u{2028}*a7 : 1")
        let file = Self.incident(lines)
        #expect(file.utf8.count < 1_200)
        // The ninth alias of line 11 (`a4`) takes what aliases repeat over 1 Mi; the line counts
        // line feeds only, as editors do.
        #expect(
            try Self.errors(file) == [
                "\(Self.path):11:51: error: YAML aliases repeat too much: with `*a3` here they would add more "
                    + "than 1048576 nodes and characters (an alias of a list of aliases multiplies); write the "
                    + "values out, or use fewer aliases"
            ])
    }

    /// libyaml breaks lines at U+2028 too; errors still point at the file's lines and columns.
    @Test func errorsAfterALineSeparatorAreAtTheFileLine() throws {
        let errors = try Self.errors(Self.incident(["related: [\u{2028}nope]", "titel: x"]))
        #expect(errors.count == 2)
        #expect(errors.first?.hasPrefix("\(Self.path):7:12: error: ") == true)
        #expect(errors.first?.contains("`nope`") == true)
        #expect(errors.last?.hasPrefix("\(Self.path):8:1: error: unknown key `titel`") == true)
    }

    /// Few aliases of a big list multiply too: counting anchors and aliases is not enough.
    @Test func fewAliasesOfABigListAreRefused() throws {
        var lines = ["a0: &a0 [" + Array(repeating: "x", count: 1_000).joined(separator: ", ") + "]"]
        for level in 1...7 {
            lines.append(
                "a\(level): &a\(level) ["
                    + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let errors = try Self.errors(Self.incident(lines))
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(Self.path):10:") == true)
        #expect(errors.first?.contains("YAML aliases repeat too much") == true)
    }

    /// HTML entities and emphasis in messages are text, not anchors or aliases (the old text scan
    /// counted ` &nbsp;` as an anchor and, once it had seen one, `*emphasis*` as aliases); real
    /// anchors used a few times are fine too.
    @Test func entitiesEmphasisAndModestAliasesAreAccepted() throws {
        let nbsp = Array(repeating: "word &nbsp;", count: 9).joined(separator: " ")
        let emphasis = "Fish &amp; chips " + Array(repeating: "*emphasis*", count: 65).joined(separator: " ")
        func update(_ message: String, _ affected: [String]) -> [String] {
            [
                "  - at: 2025-10-06T17:40:00Z", "    status: investigating", "    message: |",
                "      \(message)",
            ]
                + affected
        }
        let withAnchors = Self.incident(
            ["updates:"]
                + update(
                    nbsp, ["    affected: &impact", "      - cluster: a", "        status: partial-outage"])
                + update(nbsp, ["    affected: *impact"]))
        let path = "Content/incidents/2025-10-06-entities.md"
        let result = try Fixture.validate(replacing: [
            Self.path: withAnchors, path: Self.incident(["updates:"] + update(emphasis, [])),
        ])
        #expect(Fixture.errors(result) == [])
        let incidents = result.site?.incidents ?? []
        let hostile = try #require(incidents.first { $0.slug == "2025-10-06-hostile" })
        #expect(hostile.updates.map(\.message.source) == [nbsp + "\n", nbsp + "\n"])
        #expect(hostile.updates[1].affected == hostile.updates[0].affected)
        let entities = try #require(incidents.first { $0.slug == "2025-10-06-entities" })
        #expect(entities.updates.map(\.message.source) == [emphasis])
    }

    // MARK: Markdown nesting

    @Test func deepBlockQuotesAndBracketsAreRefusedBeforeCmark() throws {
        let body = String(repeating: ">", count: 100_000) + String(repeating: "[", count: 50_000)
        #expect(
            try Self.errors(Self.incident(body: body)) == [
                "\(Self.path):8:101: error: the body nests block quotes and lists more than 100 deep (`>`, `-`, "
                    + "`*`, `+` or `1.` at the start of this line); use fewer levels"
            ])
    }

    @Test func unclosedBracketsInAMessageAreRefusedAtTheirColumn() throws {
        let file = Self.incident([
            "updates:",
            "  - at: 2025-10-06T17:40:00Z",
            "    status: investigating",
            "    message: |",
            "      A [link](https://example.com/) and \\[ escaped \\[ brackets.",
            "      " + String(repeating: "[", count: 101),
        ])
        #expect(
            try Self.errors(file) == [
                "\(Self.path):12:107: error: `message` has more than 100 `[` open at once; close them with `]`, "
                    + "or write `\\[` for a bracket that is text"
            ])
    }

    @Test func answersAndQuestionsAreChecked() throws {
        let file = Self.incident([
            "questions:",
            "  - q: Deep?",
            "    a: |",
            "      " + String(repeating: "> - ", count: 60),
        ])
        let errors = try Self.errors(file)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(Self.path):10:") == true)
        #expect(errors.first?.contains("`a` nests block quotes and lists more than 100 deep") == true)
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let body = [
            String(repeating: "> ", count: 100) + "quoted",
            "",
            String(repeating: "[", count: 100) + "text" + String(repeating: "]", count: 100),
            "",
            // Brackets closed or forgotten at a blank line do not add up.
            String(repeating: "[a] ", count: 500),
            String(repeating: "[", count: 90),
            "",
            String(repeating: "[", count: 90),
        ].joined(separator: "\n")
        #expect(try Self.errors(Self.incident(body: body)) == [])
    }

    @Test func nestingScanCountsListsAndQuotesAndSkipsEscapes() {
        #expect(MarkdownNesting.excess(in: String(repeating: "- > ", count: 51))?.kind == .containers)
        #expect(MarkdownNesting.excess(in: String(repeating: "1. ", count: 101))?.kind == .containers)
        #expect(MarkdownNesting.excess(in: String(repeating: "\\[", count: 1_000)) == nil)
        #expect(MarkdownNesting.excess(in: String(repeating: "*emphasis* ", count: 1_000)) == nil)
        #expect(
            MarkdownNesting.excess(in: "é " + String(repeating: "[", count: 101))
                == MarkdownNesting.Excess(kind: .brackets, line: 0, column: 103))
    }

    /// Text that never went through validation is shown escaped rather than given to cmark-gfm.
    @Test func rendererShowsTooDeepTextEscaped() {
        let text = String(repeating: ">", count: 200)
        #expect(MarkdownRenderer().html(text) == "<p>" + String(repeating: "&gt;", count: 200) + "</p>\n")
    }

    // MARK: Question anchors

    @Test func twentyThousandEqualQuestionsGetTheirAnchorsInLinearWork() throws {
        let count = 20_000
        let questions = Array(repeating: "  - q: Same question?\n    a: Same answer.", count: count)
        let result = try Fixture.validate(replacing: [Self.path: Self.incident(["questions:"] + questions)])
        #expect(Fixture.errors(result) == [])
        let incident = try #require(result.site?.incidents.first { $0.slug == "2025-10-06-hostile" })
        let anchors = incident.questions.map(\.anchor)
        #expect(anchors.count == count)
        #expect(anchors.prefix(3) == ["q-same-question", "q-same-question-2", "q-same-question-3"])
        #expect(anchors.last == "q-same-question-\(count)")

        var names = UniqueNames()
        for _ in 0..<count { _ = names.claim("q-same-question") }
        #expect(names.tries <= 2 * count)
    }

    @Test func anchorsAreTheFirstFreeNumberAsBefore() {
        var names = UniqueNames()
        let claimed = ["q-a", "q-a-2", "q-a", "q-a", "q-a-2", "q-a-3", "q-a"].map { names.claim($0) }
        #expect(claimed == ["q-a", "q-a-2", "q-a-3", "q-a-4", "q-a-2-2", "q-a-3-2", "q-a-5"])
        #expect(names.tries <= 3 * claimed.count)
    }

    /// Each `<` without a `>` after it used to search to the end of the question.
    @Test func questionTextWithManyOpenAngleBracketsIsReadInOnePass() {
        let question = String(repeating: "<a", count: 100_000)
        #expect(InlineMarkdown.plainText(question) == question)
        #expect(InlineMarkdown.plainText("<b>x</b> [y](https://e.example/) <z") == " x  [y  <z")
    }

    // MARK: Symbolic links in templates

    /// A copy of the example site's templates, and the site folder holding it.
    static func templates() throws -> (site: String, templates: String) {
        let site = try HeraldProcess.copyOfExampleSite()
        return (site, "\(site)/Templates")
    }

    static func templateErrors(_ site: String, _ templates: String) -> [String] {
        do {
            _ = try TemplateSet(directory: templates, displayRoot: site, fileSystem: LocalFileSystem())
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func symbolicLinkLoopsAreAnErrorAtEachLink() throws {
        let (site, templates) = try Self.templates()
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: "\(templates)/partials/loop1", withDestinationPath: ".")
        try manager.createSymbolicLink(atPath: "\(templates)/partials/loop2", withDestinationPath: ".")
        try manager.createSymbolicLink(atPath: "\(templates)/assets/up", withDestinationPath: "..")
        let again =
            "again, reached through symbolic links (a loop of links, or a second link to one folder); "
            + "remove the link"
        #expect(
            Self.templateErrors(site, templates) == [
                "Templates/assets/up:1:1: error: this folder is `Templates` \(again)",
                "Templates/partials/loop1:1:1: error: this folder is `Templates/partials` \(again)",
                "Templates/partials/loop2:1:1: error: this folder is `Templates/partials` \(again)",
            ])
    }

    @Test func linksOutOfTheTemplatesFolderAreRefusedAndLinksInsideFollowed() throws {
        let (site, templates) = try Self.templates()
        let manager = FileManager.default
        try "secret".write(toFile: "\(site)/secret.txt", atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(
            atPath: "\(templates)/assets/secret.txt", withDestinationPath: "../../secret.txt")
        try manager.createSymbolicLink(atPath: "\(templates)/partials/etc", withDestinationPath: "/etc")
        let outside =
            "outside the templates folder: templates and assets are published, so they must lie inside "
            + "it; copy the file in instead of linking to it"
        let real = URL(fileURLWithPath: site).resolvingSymlinksInPath().path
        #expect(
            Self.templateErrors(site, templates) == [
                "Templates/assets/secret.txt:1:1: error: symbolic link to `\(real)/secret.txt`, \(outside)",
                "Templates/partials/etc:1:1: error: symbolic link to `/etc`, \(outside)",
            ])

        try manager.removeItem(atPath: "\(templates)/assets/secret.txt")
        try manager.removeItem(atPath: "\(templates)/partials/etc")
        try manager.createSymbolicLink(
            atPath: "\(templates)/assets/copy.css", withDestinationPath: "style.css")
        try manager.createSymbolicLink(
            atPath: "\(templates)/partials/badge-again.mustache", withDestinationPath: "badge.mustache")
        let set = try TemplateSet(directory: templates, displayRoot: site, fileSystem: LocalFileSystem())
        let assets = Dictionary(uniqueKeysWithValues: set.assets.map { ($0.path, $0.contents) })
        #expect(assets["assets/copy.css"] == assets["assets/style.css"])
        #expect(assets["assets/copy.css"] != nil)
    }

    @Test func listingOrderIsTheDepthFirstOrderOfSortedNames() throws {
        let fileSystem = InMemoryFileSystem(files: [
            "t/a-b/x": "", "t/a/x": "", "t/a/.hidden": "", "t/.git/config": "", "t/b": "",
        ])
        #expect(fileSystem.files(below: "t") == FolderListing(files: ["a/x", "a-b/x", "b"]))
        #expect(fileSystem.files(below: "t").files == ["a/x", "a-b/x", "b"])
    }
}
