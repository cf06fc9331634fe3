import Foundation
import Testing

@testable import HeraldAuthoring
@testable import HeraldCore
@testable import HeraldTestSupport

/// `herald update`'s edit: only the new lines appear, everything else stays byte for byte.
@Suite struct TimelineAppenderTests {
    private let entry = TimelineEntry(
        at: AuthoringFixture.time("2025-10-06T20:00:00Z"), status: "identified",
        message: "Storage is **slow**.\n\n- queued\n- not lost\n")

    private func appended(_ text: String) throws -> String {
        let result = try TimelineAppender.appending(entry, to: text)
        try AppendCheck(entry: entry).verify(original: text, edited: result)
        return result
    }

    @Test func keepsCommentsOddQuotingAndKeyOrder() throws {
        let original = """
            ---
            # Written by hand at 3 a.m.
            title: 'Cluster A: it''s "down"'   # quoted twice over
            affected:
              - {cluster: a, status: "partial-outage"}
            started: "2025-10-06T17:30:00Z"
            updates:
                -   at: 2025-10-06T17:40:00Z   # odd indentation
                    status: investigating
                    message: >-
                      Folded
                      text
                # an indented comment stays with the list

            # a comment before the next key
            questions: []
            ---
            Body *text* stays.

            """
        let result = try appended(original)
        #expect(
            insertedLines(from: original, to: result) == [
                "    -   at: 2025-10-06T20:00:00Z",
                "        status: identified",
                "        message: |",
                "          Storage is **slow**.",
                "",
                "          - queued",
                "          - not lost",
            ])
    }

    @Test func keepsCRLFLineEndings() throws {
        let original =
            "---\r\ntitle: T\r\nstarted: 2025-10-06T17:30:00Z\r\naffected:\r\n  - cluster: a\r\n    status: partial-outage\r\n"
            + "updates:\r\n  - at: 2025-10-06T17:40:00Z\r\n    status: investigating\r\n    message: Looking\r\n---\r\nBody\r\n"
        let result = try appended(original)
        let inserted = try #require(insertedLines(from: original, to: result))
        #expect(inserted.first == "  - at: 2025-10-06T20:00:00Z\r")
        #expect(inserted.allSatisfy { $0.hasSuffix("\r") })
        #expect(!result.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func turnsAnEmptyFlowListIntoABlockList() throws {
        let original = "---\ntitle: T\nupdates: []   # none yet\nquestions: []\n---\n"
        let result = try appended(original)
        #expect(
            result
                == "---\ntitle: T\nupdates:   # none yet\n  - at: 2025-10-06T20:00:00Z\n    status: identified\n"
                + "    message: |\n      Storage is **slow**.\n\n      - queued\n      - not lost\nquestions: []\n---\n"
        )
    }

    @Test func fillsAnEmptyKey() throws {
        let original = "---\ntitle: T\nupdates:\nquestions: []\n---\n"
        let result = try appended(original)
        #expect(insertedLines(from: original, to: result)?.first == "  - at: 2025-10-06T20:00:00Z")
        #expect(result.contains("\nupdates:\n  - at:"))
    }

    @Test func addsTheKeyWhenAbsent() throws {
        let original = "---\ntitle: T\nquestions:\n  - q: Q?\n    a: |\n      A.\n---\nBody\n"
        let result = try appended(original)
        #expect(insertedLines(from: original, to: result)?.first == "updates:")
    }

    @Test func extendsAnIndentlessList() throws {
        let original =
            "---\nupdates:\n- at: 2025-10-06T17:40:00Z\n  status: investigating\n  message: x\ntitle: T\n---\n"
        let result = try appended(original)
        #expect(
            insertedLines(from: original, to: result)?.prefix(2) == [
                "- at: 2025-10-06T20:00:00Z", "  status: identified",
            ])
    }

    @Test func refusesANonEmptyFlowList() {
        let original = "---\nupdates: [{at: 2025-10-06T17:40:00Z, status: investigating, message: x}]\n---\n"
        #expect(throws: TimelineAppender.Failure.self) { try appended(original) }
    }

    @Test func messagesStartingWithSpacesGetAnIndentationIndicator() throws {
        let indented = TimelineEntry(at: entry.at, status: "monitoring", message: "    code first\nthen text")
        let original = "---\nupdates: []\n---\n"
        let result = try TimelineAppender.appending(indented, to: original)
        try AppendCheck(entry: indented).verify(original: original, edited: result)
        #expect(result.contains("    message: |2\n          code first\n      then text\n"))
    }

    @Test func setsResolvedAfterStartedKeepingItsComment() throws {
        let original = "---\ntitle: T\nstarted: 2025-10-06T17:30:00Z  # began\nresolved:   # not yet\n---\n"
        let result = try TimelineAppender.settingResolved(entry.at, in: original)
        #expect(
            result
                == "---\ntitle: T\nstarted: 2025-10-06T17:30:00Z  # began\nresolved: 2025-10-06T20:00:00Z   # not yet\n---\n"
        )
        let added = try TimelineAppender.settingResolved(
            entry.at, in: "---\nstarted: 2025-10-06T17:30:00Z\ntitle: T\n---\n")
        #expect(
            added == "---\nstarted: 2025-10-06T17:30:00Z\nresolved: 2025-10-06T20:00:00Z\ntitle: T\n---\n")
    }

    @Test func replacesOnlyTheWindowEndKeepingItsQuotes() throws {
        let flow =
            "---\nwindow: {start: 2025-10-06T18:00:00Z, end: \"2025-10-06T22:00:00Z\"}  # planned\n---\n"
        #expect(
            try TimelineAppender.settingWindow("end", entry.at, in: flow)
                == "---\nwindow: {start: 2025-10-06T18:00:00Z, end: \"2025-10-06T20:00:00Z\"}  # planned\n---\n"
        )
        let block =
            "---\nwindow:\n  start: 2025-10-06T18:00:00Z\n  end: 2025-10-06T22:00:00-04:00 # local\n---\n"
        #expect(
            try TimelineAppender.settingWindow("end", entry.at, in: block)
                == "---\nwindow:\n  start: 2025-10-06T18:00:00Z\n  end: 2025-10-06T20:00:00Z # local\n---\n")
    }
}
