import Foundation
import Testing

@testable import HeraldKit

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
}
