import Foundation
import HeraldRender
import Testing

/// The Markdown memo's byte form of an entry: what it writes reads back, and nothing else does.
@Suite struct RenderedEntryBytesTests {
    static let entry = RenderedEntry(
        bodyHTML: "<p>Cluster A is back — «ünïcode» 🛰</p>",
        updatesHTML: ["u2": "<p>Second</p>", "u1": "<p>First</p>", "u3": ""],
        questions: [
            RenderedQuestion(
                anchor: "q-why", questionHTML: "Why <em>now</em>?", questionText: "Why now?",
                answerHTML: "<p>A failed switch.</p>")
        ],
        summary: "Cluster A is back", postmortemHTML: "<p>What we learned.</p>")

    @Test func anEntryReadsBackInWhateverOrderItsUpdatesWereAdded() throws {
        let bytes = RenderedEntryBytes.encode(Self.entry)
        let decoded = try #require(bytes.withUnsafeBytes(RenderedEntryBytes.decode))
        #expect(decoded == Self.entry)
        var reordered = Self.entry
        reordered.updatesHTML = [:]
        for id in ["u3", "u1", "u2"] { reordered.updatesHTML[id] = Self.entry.updatesHTML[id] }
        #expect(RenderedEntryBytes.encode(reordered) == bytes)
        var withoutPostmortem = Self.entry
        withoutPostmortem.postmortemHTML = nil
        let plain = RenderedEntryBytes.encode(withoutPostmortem)
        #expect(plain.withUnsafeBytes(RenderedEntryBytes.decode) == withoutPostmortem)
    }

    @Test func noTruncationOrBadFlagReadsAsAnEntry() {
        let bytes = RenderedEntryBytes.encode(Self.entry)
        for length in 0..<bytes.count {
            let cut = bytes.prefix(length)
            #expect(cut.withUnsafeBytes(RenderedEntryBytes.decode) == nil, "\(length) bytes")
            #expect(MemoizedEntry.recorded(.bytes(cut)).entry == nil)
        }
        #expect((bytes + [0]).withUnsafeBytes(RenderedEntryBytes.decode) == nil)
        // The postmortem flag follows the body's and the summary's length and bytes.
        var flagged = bytes
        let flag = 4 + Self.entry.bodyHTML.utf8.count + 4 + Self.entry.summary.utf8.count
        #expect(flagged[flag] == 1)
        flagged[flag] = 2
        #expect(flagged.withUnsafeBytes(RenderedEntryBytes.decode) == nil)
        // A count larger than the bytes left is refused before anything is reserved for it.
        var huge = Data(repeating: 0xFF, count: 4)
        huge.append(bytes)
        #expect(huge.withUnsafeBytes(RenderedEntryBytes.decode) == nil)
    }

    @Test func aMemoizedEntryIsEqualByContentInEitherForm() throws {
        let encoded = MemoizedEntry.recorded(.bytes(RenderedEntryBytes.encode(Self.entry)))
        #expect(encoded == .rendered(Self.entry))
        #expect(encoded.entry == Self.entry)
        var other = Self.entry
        other.summary += "."
        #expect(encoded != .rendered(other))
    }
}
