import Foundation
import HeraldCore

/// The Markdown memo on disk (`MemoFile`): each record the UTF-8 text rendered from the
/// Markdown its key names.
enum MarkdownMemoFile {
    static let file = MemoFile("markdown", fileName: "markdown.bin")

    static func encode(_ entries: [StableHash: String]) -> Data {
        file.encode(entries) { Data($0.utf8) }
    }

    /// The memo in the cache folder `directory`; empty when missing or damaged.
    static func read(inCache directory: String) -> [StableHash: String] {
        CacheFile.read(file.path(inCache: directory)).map(decode) ?? [:]
    }

    static func decode(_ data: Data) -> [StableHash: String] {
        file.decode(data) { bytes, range in
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }
}
