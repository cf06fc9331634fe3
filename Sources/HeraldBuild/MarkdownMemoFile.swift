import Foundation
import HeraldCore
import HeraldRender

/// The Markdown memo on disk (`MemoFile`): each record an item's `RenderedEntry` by the key
/// `MarkdownMemo` gives it.
///
/// An entry is a few strings in a fixed order, each a 4-byte length and its UTF-8, written and
/// read here by hand: through `Codable` (`CompactBinary`) reading the 12,000 entries of a
/// 10,000-incident archive took several times as long as reading their strings.
enum MarkdownMemoFile {
    static let file = MemoFile("rendered-markdown", fileName: "markdown.bin")

    static func encode(_ entries: [StableHash: RenderedEntry]) -> Data {
        file.encode(entries) { entry in
            var writer = EntryWriter()
            writer.write(entry)
            return writer.data
        }
    }

    /// The memo in the cache folder `directory`; empty when missing or damaged.
    static func read(inCache directory: String) -> [StableHash: RenderedEntry] {
        CacheFile.read(file.path(inCache: directory)).map(decode) ?? [:]
    }

    /// The entries of `data`; a record that does not read back is left out (a miss).
    static func decode(_ data: Data) -> [StableHash: RenderedEntry] {
        file.decode(data) { bytes, range in
            var reader = EntryReader(bytes: bytes, range: range)
            return reader.entry()
        }
        .compactMapValues { $0 }
    }
}

/// Writes a `RenderedEntry` in `MarkdownMemoFile`'s order.
private struct EntryWriter {
    var data = Data()

    mutating func write(_ entry: RenderedEntry) {
        write(entry.bodyHTML)
        write(entry.summary)
        write(entry.postmortemHTML)
        // By update id, sorted, so equal entries give equal bytes.
        let updates = entry.updatesHTML.sorted { $0.key < $1.key }
        write(count: updates.count)
        for (id, html) in updates {
            write(id)
            write(html)
        }
        write(count: entry.questions.count)
        for question in entry.questions {
            write(question.anchor)
            write(question.questionHTML)
            write(question.questionText)
            write(question.answerHTML)
        }
    }

    private mutating func write(count: Int) {
        MemoFile.append(UInt32(truncatingIfNeeded: count), to: &data)
    }

    private mutating func write(_ string: String) {
        var string = string
        write(count: string.utf8.count)
        string.withUTF8 { data.append($0) }
    }

    /// A 0 byte for nil, else a 1 and the string.
    private mutating func write(_ string: String?) {
        data.append(string == nil ? 0 : 1)
        if let string { write(string) }
    }
}

/// Reads what `EntryWriter` wrote from `range` of `bytes`; nil on anything else.
private struct EntryReader {
    let bytes: UnsafeRawBufferPointer
    var range: Range<Int>

    mutating func entry() -> RenderedEntry? {
        guard let bodyHTML = string(), let summary = string(), let hasPostmortem = byte(), hasPostmortem <= 1
        else { return nil }
        let postmortemHTML = hasPostmortem == 1 ? string() : nil
        guard hasPostmortem == 0 || postmortemHTML != nil, let updateCount = count() else { return nil }
        var updatesHTML: [String: String] = [:]
        updatesHTML.reserveCapacity(updateCount)
        for _ in 0..<updateCount {
            guard let id = string(), let html = string() else { return nil }
            updatesHTML[id] = html
        }
        guard let questionCount = count() else { return nil }
        var questions: [RenderedQuestion] = []
        questions.reserveCapacity(questionCount)
        for _ in 0..<questionCount {
            guard let anchor = string(), let questionHTML = string(), let questionText = string(),
                let answerHTML = string()
            else { return nil }
            questions.append(
                RenderedQuestion(
                    anchor: anchor, questionHTML: questionHTML, questionText: questionText,
                    answerHTML: answerHTML))
        }
        guard range.isEmpty else { return nil }
        return RenderedEntry(
            bodyHTML: bodyHTML, updatesHTML: updatesHTML, questions: questions, summary: summary,
            postmortemHTML: postmortemHTML)
    }

    private mutating func byte() -> UInt8? {
        guard let first = range.first else { return nil }
        range = first + 1..<range.upperBound
        return bytes[first]
    }

    /// A count, no larger than the bytes left could hold (so a damaged one cannot reserve much).
    private mutating func count() -> Int? {
        guard range.count >= 4 else { return nil }
        let value = Int(
            UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt32.self)))
        range = range.lowerBound + 4..<range.upperBound
        return value <= range.count ? value : nil
    }

    private mutating func string() -> String? {
        guard let length = count() else { return nil }
        let end = range.lowerBound + length
        let string = String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[range.lowerBound..<end]), as: UTF8.self)
        range = end..<range.upperBound
        return string
    }
}
