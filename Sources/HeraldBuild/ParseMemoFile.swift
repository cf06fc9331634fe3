import Foundation
import HeraldCore

/// The parse memo on disk (`MemoFile`): each record a `ParseMemo` record, left as the file's
/// bytes (a slice of the file, not a copy) until a file with its key is validated.
enum ParseMemoFile {
    static let file = MemoFile("parse", fileName: "parses.bin")

    /// The memo in the cache folder `directory`; empty when missing or damaged.
    static func read(inCache directory: String) -> [StableHash: Data] {
        CacheFile.read(file.path(inCache: directory)).map(decode) ?? [:]
    }

    /// Writes `entries` as the memo file at `path`.
    static func write(_ entries: [StableHash: Data], to path: String) {
        file.write(entries, to: path) { $0 }
    }

    static func decode(_ data: Data) -> [StableHash: Data] {
        file.records(in: data)
    }
}
