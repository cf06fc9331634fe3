import Foundation

/// A `RenderedEntry` as bytes, the form the Markdown memo keeps it in on disk and until a page
/// or feed asks for it: a few strings in a fixed order, each a 4-byte little-endian length and
/// its UTF-8 (the postmortem's behind a 0 or 1 byte, lists behind their counts).
///
/// Hand-written rather than through `Codable` (`CompactBinary`): reading the 12,000 entries of
/// a 10,000-incident archive that way took several times as long as reading their strings.
package enum RenderedEntryBytes {
    package static func encode(_ entry: RenderedEntry) -> Data {
        var data = Data()
        func append(count: Int) {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: count).littleEndian) {
                data.append(contentsOf: $0)
            }
        }
        func append(_ string: String) {
            var string = string
            append(count: string.utf8.count)
            string.withUTF8 { data.append($0) }
        }
        append(entry.bodyHTML)
        append(entry.summary)
        data.append(entry.postmortemHTML == nil ? 0 : 1)
        if let postmortemHTML = entry.postmortemHTML { append(postmortemHTML) }
        // By update id, so that equal entries give equal bytes.
        let updates = entry.updatesHTML.sorted { $0.key < $1.key }
        append(count: updates.count)
        for (id, html) in updates {
            append(id)
            append(html)
        }
        append(count: entry.questions.count)
        for question in entry.questions {
            append(question.anchor)
            append(question.questionHTML)
            append(question.questionText)
            append(question.answerHTML)
        }
        return data
    }

    /// The entry `encode` wrote into `bytes`; nil for bytes it did not write.
    package static func decode(_ bytes: UnsafeRawBufferPointer) -> RenderedEntry? {
        guard
            let fields = Fields(
                bytes, text: { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[$0]), as: UTF8.self) })
        else { return nil }
        return RenderedEntry(
            bodyHTML: fields.bodyHTML,
            updatesHTML: Dictionary(fields.updates, uniquingKeysWith: { first, _ in first }),
            questions: fields.questions.map {
                RenderedQuestion(anchor: $0.0, questionHTML: $0.1, questionText: $0.2, answerHTML: $0.3)
            },
            summary: fields.summary, postmortemHTML: fields.postmortemHTML)
    }

    /// The fields in `encode`'s order, each text made by `text` from its bytes' range.
    private struct Fields<Text> {
        var bodyHTML: Text
        var summary: Text
        var postmortemHTML: Text?
        var updates: [(Text, Text)] = []
        var questions: [(Text, Text, Text, Text)] = []

        init?(_ bytes: UnsafeRawBufferPointer, text: (Range<Int>) -> Text) {
            var position = 0
            /// A count, no larger than the bytes left (so a damaged one cannot reserve much).
            func count() -> Int? {
                guard bytes.count - position >= 4 else { return nil }
                let value = Int(
                    UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)))
                position += 4
                return value <= bytes.count - position ? value : nil
            }
            func next() -> Text? {
                guard let length = count() else { return nil }
                defer { position += length }
                return text(position..<position + length)
            }
            guard let bodyHTML = next(), let summary = next(), position < bytes.count else { return nil }
            self.bodyHTML = bodyHTML
            self.summary = summary
            let hasPostmortem = bytes[position]
            position += 1
            switch hasPostmortem {
            case 0: postmortemHTML = nil
            case 1:
                guard let html = next() else { return nil }
                postmortemHTML = html
            default: return nil
            }
            guard let updateCount = count() else { return nil }
            for _ in 0..<updateCount {
                guard let id = next(), let html = next() else { return nil }
                updates.append((id, html))
            }
            guard let questionCount = count() else { return nil }
            for _ in 0..<questionCount {
                guard let anchor = next(), let questionHTML = next(), let questionText = next(),
                    let answerHTML = next()
                else { return nil }
                questions.append((anchor, questionHTML, questionText, answerHTML))
            }
            guard position == bytes.count else { return nil }
        }
    }
}
