import Foundation
import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// Documents parsed by earlier builds, as `CompactBinary` records of their `ParsedDocument` by a
/// hash of everything the parse reads, and the records this build used, which become the next
/// build's memo (so files that are gone drop out).
///
/// Only an optimisation: a record that does not read back is a miss, and the file is parsed.
package struct ParseMemo: Sendable {
    /// What was stored, each record read when its file is validated; read-only while parsing,
    /// shared by every thread.
    package let stored: [StableHash: MemoRecord]
    /// Records of `stored` already decoded by an earlier build in this process (`herald serve`),
    /// by the same keys, their `file` left out.
    package let documents: [StableHash: ParsedDocument]

    package init(stored: [StableHash: MemoRecord] = [:], documents: [StableHash: ParsedDocument] = [:]) {
        self.stored = stored
        self.documents = documents
    }

    /// What a parse reads besides the file: `site.yml`'s catalog and zone, and the cache version
    /// (which names the executable, so a changed parser never trusts an old record).
    struct Context {
        let hash: StableHash

        init(catalog: Catalog?, timeZone: TimeZone) {
            var hasher = StableHasher()
            hasher.combine(CacheVersion.current)
            hasher.combine(timeZone.identifier)
            if let catalog {
                hasher.combine(UInt8(1))
                catalog.combine(into: &hasher)
            } else {
                hasher.combine(UInt8(0))
            }
            hash = hasher.finalize()
        }
    }

    /// One file's document, with its key and its record (nil when it cannot be recorded).
    struct Entry: Sendable {
        var document: ParsedDocument
        var key: StableHash
        var record: MemoRecord?
    }

    /// The document of `file`: from its record when one reads back, else from `parse`, then
    /// recorded. Nil for a file the loader left unread (`ContentFile.isUnread`) that has no
    /// record here: it must be read to be parsed.
    func entry(for file: ContentFile, context: Context, parse: (ContentFile) -> ParsedDocument) -> Entry? {
        let key = Self.key(file, context: context)
        // A stored record's bytes are read here, one file at a time, and let go once decoded.
        if let record = stored[key], var document = documents[key] ?? record.data.flatMap(Self.document) {
            document.file = file
            return Entry(document: document, key: key, record: record)
        }
        guard !file.isUnread else { return nil }
        let document = parse(file)
        return Entry(
            document: document, key: key,
            record: (try? CompactBinary.encode(document)).map { MemoRecord.bytes(Data($0)) })
    }

    /// The document a record holds, its `file` left out; nil when it does not read back (a miss).
    package static func document(from record: Data) -> ParsedDocument? {
        record.withUnsafeBytes { try? CompactBinary.decode(ParsedDocument.self, from: $0) }
    }

    private static func key(_ file: ContentFile, context: Context) -> StableHash {
        var hasher = StableHasher()
        hasher.combine(context.hash)
        hasher.combine(file.kind.rawValue)
        hasher.combine(file.path)
        hasher.combine(file.digest ?? ContentFile.digest(of: file.text))
        return hasher.finalize()
    }
}
