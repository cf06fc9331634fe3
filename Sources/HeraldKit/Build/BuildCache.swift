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
        let manifest =
            (try? Data(contentsOf: URL(fileURLWithPath: "\(directory)/manifest.txt"))).flatMap {
                OutputManifest.decode($0)
            } ?? OutputManifest()
        let memo = (try? Data(contentsOf: URL(fileURLWithPath: "\(directory)/markdown.bin"))).map {
            MarkdownMemoFile.decode($0)
        }
        let directories = Array(manifest.directories)
        let intact =
            !directories.isEmpty
            && ParallelMap.map(directories) { path, identity in
                FileIdentity(
                    path: path.isEmpty ? outputDirectory : "\(outputDirectory)/\(path)", directory: true)
                    == identity
            }.allSatisfy { $0 }
        return BuildCache(
            directory: directory, outputDirectory: outputDirectory, manifest: manifest,
            memo: MarkdownMemo(stored: memo ?? [:]), outputIntact: intact)
    }

    /// Whether the current output's file at `path` already holds the bytes that `key` gives:
    /// the key matches the manifest and the file is still the one Herald wrote.
    func canKeep(_ path: String, key: StableHash) -> Bool {
        guard let entry = manifest.entries[path], entry.key == key else { return false }
        return FileIdentity(path: "\(outputDirectory)/\(path)") == entry.identity
    }

    /// Stores the new manifest and memo (each written to a temporary file and renamed, so a
    /// crash leaves the old file or the new one). Failures are ignored: the cache is optional.
    func save(manifest: OutputManifest, markdown: [StableHash: String]) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        Self.replace(manifestPath, with: manifest.encoded())
        Self.replace(markdownPath, with: MarkdownMemoFile.encode(markdown))
    }

    private static func replace(_ path: String, with data: Data) {
        let temporary = path + ".tmp"
        do {
            try data.write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}
