import Foundation
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldMarkdown
import HeraldRender
import HeraldTemplates
import HeraldValidate
import HeraldWrite

/// The incremental-build cache, in a hidden folder beside the output (never inside it, so
/// never published): `.<output>.herald-cache/` holds
///
/// - `manifest.txt`: for each file of the current output, the key its bytes came from (a hash
///   of the page's view model and the theme, or of the file's bytes) and the identity of the
///   file Herald wrote (`OutputManifest`);
/// - `markdown.bin`: each item's rendered Markdown by a hash of its source and the Markdown
///   options (`MarkdownMemo`);
/// - `parses.bin`: each content file's parsed document by a hash of the file and what else the
///   parse reads (`ParseMemo`);
/// - `files.bin`: each content file's identity and the digest of its text, so an unchanged file
///   is found in `parses.bin` without being read (`KnownFile`, `ContentLoader.load(…, known:)`);
/// - `inputs.txt`: the fingerprint and result of the last build (`BuildRecord`);
/// - `site/`: the spare copy of the site that the next build turns into the new output
///   (`SpareTreePublisher`).
///
/// Only an optimisation: a page is reused only when its key matches *and* the output file is
/// still the one Herald wrote; a missing, damaged or stale cache part reads as empty, and a
/// cache folder that is not a plain folder of Herald's (a file, a link, a `site/` that is not a
/// folder) is removed, without following any link, and started afresh. So the output bytes
/// are always those of a clean build.
///
/// `--no-cache` is the empty cache (`BuildCache.empty`): nothing remembered, nothing saved, and
/// a fresh staging folder as the spare tree.
struct BuildCache: Sendable {
    /// Where the output and the spare tree are: the real disk. (The cache's own small files go
    /// through `CacheFile`.)
    static let disk = LocalFileSystem()
    /// The cache folder; nil for the empty cache, which saves nothing.
    let directory: String?
    let outputDirectory: String
    let spareDirectory: String
    let manifest: OutputManifest
    private(set) var memo: MarkdownMemo
    /// The Markdown memo is still in its file (`readMarkdownMemo`).
    private var markdownIsUnread = false
    /// Nil for the empty cache, which neither reads nor records parses.
    private(set) var parses: ParseMemo?
    /// The content files as the load that recorded them saw them; nil for the empty cache.
    let known: [String: KnownFile]?
    /// Every folder of the output is as recorded: no file was added or removed behind our back.
    let outputIntact: Bool

    var manifestPath: String? { directory.map(Self.manifestPath(inCache:)) }
    var markdownPath: String? { directory.map(MarkdownMemoFile.file.path(inCache:)) }
    var parsesPath: String? { directory.map(ParseMemoFile.file.path(inCache:)) }
    var knownPath: String? { directory.map(KnownFilesFile.file.path(inCache:)) }
    var recordPath: String? { directory.map { BuildRecord.path(inCache: $0) } }

    /// Where the cache folder `directory` keeps the output's manifest and the spare tree.
    static func manifestPath(inCache directory: String) -> String { "\(directory)/manifest.txt" }
    static func spareDirectory(inCache directory: String) -> String { "\(directory)/site" }

    /// The cache folder of `output`, made usable first (see `usable`); nil when that cannot be
    /// done, and the build goes on with the empty cache. Reads nothing but folder entries, so
    /// the no-change fast path can ask for it.
    static func directory(for output: OutputLocation) -> String? {
        let directory = output.cacheDirectory
        guard usable(directory) || discard(directory) else { return nil }
        DirectorySwap(disk: disk).rescue(from: spareDirectory(inCache: directory), into: output.path)
        return directory
    }

    /// The cache in `directory` (from `directory(for:)`): its manifest and memos, the Markdown
    /// memo once it is needed (`readMarkdownMemo`).
    static func load(_ directory: String, of output: OutputLocation) -> BuildCache {
        var cache = load(
            directory, of: output,
            warm: WarmCache(readingCacheIn: directory, decodingRecords: false, readingMarkdown: false))
        cache.markdownIsUnread = true
        return cache
    }

    /// Reads the Markdown memo from its file, unless it was read already.
    mutating func readMarkdownMemo() {
        guard markdownIsUnread, let directory else { return }
        memo = MarkdownMemo(stored: MarkdownMemoFile.read(inCache: directory))
        markdownIsUnread = false
    }

    /// The cache in `directory` as `warm` holds it, read from nothing (`herald serve`'s next build).
    static func load(_ directory: String, of output: OutputLocation, warm: WarmCache) -> BuildCache {
        BuildCache(
            directory: directory, outputDirectory: output.path,
            spareDirectory: spareDirectory(inCache: directory),
            manifest: warm.manifest, memo: MarkdownMemo(stored: warm.markdown),
            parses: ParseMemo(stored: warm.parses, documents: warm.documents), known: warm.known,
            outputIntact: warm.manifest.foldersAreIntact(in: output.path, on: disk))
    }

    /// A cache that knows nothing and saves nothing, its spare tree a fresh staging folder.
    static func empty(_ output: OutputLocation) -> BuildCache {
        // A staging folder that cannot be cleared fails the publish, which names it.
        let staging = (try? output.clearedStagingDirectory(on: disk)) ?? output.stagingDirectory
        return BuildCache(
            directory: nil, outputDirectory: output.path, spareDirectory: staging, manifest: OutputManifest(),
            memo: MarkdownMemo(stored: [:]), parses: nil, known: nil, outputIntact: false)
    }

    /// The cache folder is absent, or a real folder (not a link) whose spare tree, if any, is one too.
    private static func usable(_ directory: String) -> Bool {
        switch RegularFile.kind(directory) {
        case .absent: return true
        case .directory:
            let spare = RegularFile.kind(spareDirectory(inCache: directory))
            return (spare == .absent || spare == .directory) && access(directory, R_OK | W_OK | X_OK) == 0
        case .file, .other: return false
        }
    }

    /// Removes a cache folder that is not usable (a link is removed itself, never followed).
    private static func discard(_ directory: String) -> Bool {
        try? disk.removeItem(at: directory)
        return disk.kind(at: directory) == .absent
    }

    /// The manifest of the cache folder `directory`; empty when missing or damaged.
    static func loadManifest(directory: String) -> OutputManifest {
        CacheFile.read(manifestPath(inCache: directory)).flatMap { OutputManifest.decode($0) }
            ?? OutputManifest()
    }

    /// Whether the spare tree holds nothing yet (so it need not be walked for stale files).
    var spareIsAbsent: Bool { Self.disk.kind(at: spareDirectory) == .absent }

    /// Whether the current output's file at `path` already holds the bytes that `key` gives:
    /// the key matches the manifest and the file is still the one Herald wrote.
    func canKeep(_ path: String, key: StableHash) -> Bool {
        manifest.entries[path]?.key == key && holdsAsWritten(path)
    }

    /// Whether the current output's file at `path` is still the one Herald wrote there.
    func holdsAsWritten(_ path: String) -> Bool {
        guard let entry = manifest.entries[path] else { return false }
        return Self.disk.identity(at: "\(outputDirectory)/\(path)", directory: false) == entry.identity
    }

    /// Stores the manifest of the output just published. Files are replaced atomically and
    /// failures are ignored here and below: the cache is optional.
    func save(manifest: OutputManifest) {
        guard let directory else { return }
        Self.save(manifest: manifest, inCache: directory)
    }

    /// Stores `manifest` in the cache folder `directory`, made first if need be.
    static func save(manifest: OutputManifest, inCache directory: String) {
        guard makeDirectory(directory) else { return }
        CacheFile.replace(manifestPath(inCache: directory), with: manifest.encoded())
    }

    /// Stores the rendered entries a build used (the next build's memo). Keyed by what they were
    /// rendered from, so they stay true whatever becomes of the output: saved while the pages
    /// are still rendering.
    /// Returns the memo as the file now holds it.
    func save(markdown: [StableHash: MemoizedEntry]) -> [StableHash: MemoizedEntry] {
        guard let markdownPath, Self.hasDrifted(memo.stored, used: markdown), makeDirectory() else {
            return memo.stored
        }
        MarkdownMemoFile.write(markdown, to: markdownPath)
        return markdown
    }

    /// The parse records `parses.bin` is to hold after a build that used `parses` (the next
    /// build's memo): those, when the file has drifted from them; nil when it stays as it is
    /// (or there is no cache). Like the Markdown memo, true whatever becomes of the output.
    func parsesToSave(_ parses: [StableHash: MemoRecord]) -> [StableHash: MemoRecord]? {
        guard let stored = self.parses?.stored, directory != nil, Self.hasDrifted(stored, used: parses) else {
            return nil
        }
        return parses
    }

    /// Writes `parses.bin` (see `parsesToSave`).
    func write(parses: [StableHash: MemoRecord]) {
        guard let parsesPath, makeDirectory() else { return }
        ParseMemoFile.write(parses, to: parsesPath)
    }

    /// Stores the content files as this build's load saw them, leaving out those modified too
    /// shortly before it started for `stat` to tell a later edit (`InputFingerprint.isRacy`).
    /// Returns the files as `files.bin` now holds them.
    func save(known seen: [String: KnownFile], startedAt: Date) -> [String: KnownFile] {
        let stored = known ?? [:]
        let settled = seen.filter { !InputFingerprint.isRacy($0.value.identity, startedAt: startedAt) }
        guard let knownPath, Self.hasDrifted(stored, used: settled), makeDirectory() else { return stored }
        KnownFilesFile.write(settled, to: knownPath)
        return settled
    }

    /// Whether a memo that held `stored` is worth writing again as what a build `used`: when
    /// more than 1/32 of it was missed (used but not stored as used) or left unused.
    ///
    /// Why not on every difference: at 10,000 incidents the memos are tens of megabytes, and
    /// an edit or a new update changes one record of them, so rewriting them was a large part
    /// of such a build. A memo left as it is stays true (its records are keyed by what they were
    /// made from); the next builds only redo its few misses again, and keep the stale records
    /// until the drift passes the bound.
    static func hasDrifted<Key: Hashable, Value: Equatable>(_ stored: [Key: Value], used: [Key: Value])
        -> Bool
    {
        var misses = 0
        for (key, value) in used where stored[key] != value { misses += 1 }
        let unused = stored.count - (used.count - misses)
        return misses + unused > stored.count / 32
    }

    /// Lets the parse records go once validation has used them and they are saved (a memo that
    /// still names them stays true).
    mutating func releaseParses() {
        if parses != nil { parses = ParseMemo() }
    }

    /// Removes the record of the last build, before the output it speaks for is replaced.
    func forgetRecord() {
        if let recordPath { CacheFile.remove(recordPath) }
    }

    /// Stores the record of this build.
    func save(record: BuildRecord) {
        guard let recordPath, makeDirectory() else { return }
        CacheFile.replace(recordPath, with: record.encoded())
    }

    /// After publishing: the empty cache's spare tree holds the old output, which goes.
    func tidy() {
        if directory == nil { try? Self.disk.removeItem(at: spareDirectory) }
    }

    private func makeDirectory() -> Bool {
        directory.map(Self.makeDirectory) ?? false
    }

    private static func makeDirectory(_ directory: String) -> Bool {
        (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true))
            != nil
    }
}
