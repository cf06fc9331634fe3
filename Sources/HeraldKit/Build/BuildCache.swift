import Foundation

/// The incremental-build cache, in a hidden folder beside the output (never inside it, so
/// never published): `.<output>.herald-cache/` holds
///
/// - `manifest.txt`: for each file of the current output, the key its bytes came from (a hash
///   of the page's view model and the theme, or of the file's bytes) and the identity of the
///   file Herald wrote (`OutputManifest`);
/// - `markdown.bin`: rendered Markdown by a hash of its source and options (`MarkdownMemo`);
/// - `site/`: the spare copy of the site that the next build turns into the new output
///   (`SpareTreePublisher`).
///
/// Only an optimisation: a page is reused only when its key matches *and* the output file is
/// still the one Herald wrote; a missing, damaged or stale cache part reads as empty, so the
/// output bytes are always those of a clean build.
struct BuildCache: Sendable {
    let directory: String
    let outputDirectory: String
    let manifest: OutputManifest
    let memo: MarkdownMemo
    /// Every folder of the output is as recorded: no file was added or removed behind our back.
    let outputIntact: Bool

    var spareDirectory: String { "\(directory)/site" }
    var manifestPath: String { "\(directory)/manifest.txt" }
    var markdownPath: String { "\(directory)/markdown.bin" }

    /// The cache folder of an output folder: `.<name>.herald-cache` beside it.
    static func directory(for outputDirectory: String) -> String {
        let url = URL(fileURLWithPath: outputDirectory)
        return url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).herald-cache"
        ).path
    }

    /// Reads what there is; never fails.
    static func load(outputDirectory: String) -> BuildCache {
        let directory = directory(for: outputDirectory)
        let manifest = loadManifest(directory: directory)
        let memo = CacheFile.read("\(directory)/markdown.bin").map { MarkdownMemoFile.decode($0) }
        return BuildCache(
            directory: directory, outputDirectory: outputDirectory, manifest: manifest,
            memo: MarkdownMemo(stored: memo ?? [:]),
            outputIntact: manifest.foldersAreIntact(in: outputDirectory))
    }

    /// The manifest of the cache folder `directory`; empty when missing or damaged.
    static func loadManifest(directory: String) -> OutputManifest {
        CacheFile.read("\(directory)/manifest.txt").flatMap { OutputManifest.decode($0) } ?? OutputManifest()
    }

    /// Whether the current output's file at `path` already holds the bytes that `key` gives:
    /// the key matches the manifest and the file is still the one Herald wrote.
    func canKeep(_ path: String, key: StableHash) -> Bool {
        guard let entry = manifest.entries[path], entry.key == key else { return false }
        return FileIdentity(path: "\(outputDirectory)/\(path)") == entry.identity
    }

    /// Stores the manifest of the output just published. Files are replaced atomically and
    /// failures are ignored here and below: the cache is optional.
    func save(manifest: OutputManifest) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        CacheFile.replace(manifestPath, with: manifest.encoded())
    }

    /// Stores the Markdown results a build used (the next build's memo). Keyed by what they were
    /// rendered from, so they stay true whatever becomes of the output: saved while the pages
    /// are still rendering.
    func save(markdown: [StableHash: String]) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        CacheFile.replace(markdownPath, with: MarkdownMemoFile.encode(markdown))
    }
}
