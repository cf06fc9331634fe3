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

    /// The memo in the cache folder `directory`; empty when missing or damaged.
    static func read(inCache directory: String) -> [StableHash: MemoizedEntry] {
        CacheFile.read(file.path(inCache: directory)).map(decode) ?? [:]
    }

    /// The entries of `data`, left as its bytes (`MemoizedEntry.encoded`, which share `data`'s
    /// storage); a record that does not hold an entry is left out (a miss).
    static func decode(_ data: Data) -> [StableHash: MemoizedEntry] {
        file.records(in: data).compactMapValues(MemoizedEntry.init(record:))
    }
}
