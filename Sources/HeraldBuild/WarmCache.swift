import Foundation
import HeraldCore
import HeraldLoad
import HeraldRender
import HeraldValidate
import HeraldWrite

/// The build cache's files as a build left them, already read and decoded: what `herald serve`
/// hands from one build to the next (`SiteBuilder.build(…, warm:)`), so that the next build
/// reads none of them back and decodes no parse record again. It holds what the build wrote
/// into them, or found in them when it left them as they were (and the manifest of the output it
/// published), so a build from it does what a build from the files would.
package struct WarmCache: Sendable {
    var manifest: OutputManifest
    var markdown: [StableHash: MemoizedEntry]
    var parses: [StableHash: MemoRecord]
    /// The documents of `parses`, by the same keys.
    var documents: [StableHash: ParsedDocument]
    var known: [String: KnownFile]
    /// The build's link check (`LinkCheck.Checked`); nil when read from the files.
    var links: LinkCheck.Checked? = nil
    /// The spare tree lacks most of the output's files, or holds older versions of them
    /// (`SiteBuilder.fillSpare`).
    var spareNeedsFilling = false
}

extension WarmCache {
    /// The cache files in `directory` as they are (a missing or damaged one reads as empty), with
    /// every parse record decoded when `decodingRecords` (one that does not read back is left
    /// out: a miss), and the Markdown memo left empty unless `readingMarkdown`.
    init(readingCacheIn directory: String, decodingRecords: Bool, readingMarkdown: Bool = true) {
        manifest = BuildCache.loadManifest(directory: directory)
        markdown = readingMarkdown ? MarkdownMemoFile.read(inCache: directory) : [:]
        parses = ParseMemoFile.read(inCache: directory)
        known = KnownFilesFile.read(inCache: directory)
        guard decodingRecords else {
            documents = [:]
            return
        }
        let decoded = ParallelMap.map(Array(parses)) { key, record in
            record.data.flatMap(ParseMemo.document).map { (key, $0) }
        }
        documents = Dictionary(decoded.compactMap { $0 }, uniquingKeysWith: { first, _ in first })
    }
}
