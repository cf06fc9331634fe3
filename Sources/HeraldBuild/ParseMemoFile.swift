import Foundation
import HeraldCore

/// The parse memo on disk (`MemoFile`): each record a `ParseMemo` record, read from the file
/// only when a file with its key is validated.
enum ParseMemoFile {
    static let file = MemoFile("parse", fileName: "parses.bin")

    /// The memo in the cache folder `directory`, each record still in the file
    /// (`MemoRecord.stored`); empty when missing or damaged.
    static func read(inCache directory: String) -> [StableHash: MemoRecord] {
        file.read(file.path(inCache: directory))?.records ?? [:]
    }

    /// Writes `entries` as the memo file at `path` (a stored record that no longer reads back is
    /// left out).
    static func write(_ entries: [StableHash: MemoRecord], to path: String) {
        file.write(entries, to: path) { $0.data }
    }
}
