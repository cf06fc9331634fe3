import Foundation
import HeraldCore
import HeraldRender

/// The Markdown memo on disk (`MemoFile`): each record an item's rendered entry
/// (`RenderedEntryBytes`) by the key `MarkdownMemo` gives it.
enum MarkdownMemoFile {
    static let file = MemoFile("rendered-markdown", fileName: "markdown.bin")

    /// Writes `entries` as the memo file at `path`.
    static func write(_ entries: [StableHash: MemoizedEntry], to path: String) {
        file.write(entries, to: path) { $0.bytes }
    }

    /// The memo in the cache folder `directory`, each entry read when it is asked for
    /// (`MemoRecord.stored`); empty when missing or damaged.
    static func read(inCache directory: String) -> [StableHash: MemoizedEntry] {
        file.read(file.path(inCache: directory))?.records.mapValues(MemoizedEntry.recorded) ?? [:]
    }
}
