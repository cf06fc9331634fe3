import Foundation
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldMarkdown
import HeraldRender
import HeraldTemplates
import HeraldValidate
import HeraldWrite

/// A hash of everything a cached build's result depends on, apart from the output it replaces
/// (which the build cache's manifest vouches for): the Herald executable and cache format, the
/// build options, the identity and permissions of every file and folder of the content and
/// templates, and the bytes of the previous state.
///
/// Why: a no-change rebuild otherwise loads, parses, validates, derives and plans every page
/// just to find that nothing is to be written. When the fingerprint equals the one recorded by
/// the build that made the current output (`BuildRecord`), and that output is intact, its
/// result can be returned as it is (`SiteBuilder.reuse`).
///
/// Files are identified by `stat` (device, inode, size, modification and change times in
/// nanoseconds), not read. Like git's index, that misses only an edit written within the file
/// system's timestamp resolution of the `stat`, so a fingerprint with an input modified shortly
/// before the build started (`isRacy`) is not recorded, and the next build takes the full path.
/// A tool that sets the old modification time back cannot do the same to the change time, which
/// every write, rename or `chmod` sets to the clock.
struct InputFingerprint: Sendable, Equatable {
    var hash: StableHash
    /// Some input was modified less than `racyWindow` before the build started, or later.
    var isRacy: Bool
    /// Every file and folder of the content folder as the walk identified it, by the folder
    /// joined with its relative path: the load takes the identities from here rather than
    /// `stat`ing each file again (`ContentLoader.load(…, identified:)`).
    var contentFiles: [String: ResolvedFile]

    /// Generous against coarse timestamps (two seconds on FAT) and clocks a little apart.
    static let racyWindow: TimeInterval = 2

    /// The fingerprint of the inputs of a build with `options`, which started at `startedAt` by
    /// the real clock (the clock file modification times are stamped with). Nil when an input
    /// cannot be identified: the executable, a folder or entry of the content or templates
    /// (see `InputTree`), or a previous state that exists but cannot be read.
    init?(
        _ options: BuildOptions, startedAt: Date, executable: FileIdentity? = CacheVersion.executable
    ) {
        // No templates folder is a site on the built-in theme (which the executable's identity
        // covers): an empty tree, so such a site has a no-change fast path too.
        let templates =
            RegularFile.kind(options.templatesDirectory) == .absent
            ? InputTree.absent : InputTree(root: options.templatesDirectory)
        guard let executable, let content = InputTree(root: options.contentDirectory), let templates
        else { return nil }
        var hasher = StableHasher()
        hasher.combine("herald-inputs 1")
        hasher.combine(CacheVersion.current)
        hasher.combine(executable)
        // Who reads the inputs: with their permissions, owners and groups, whether a loader can.
        hasher.combine(Int(geteuid()))
        hasher.combine(Int(getegid()))
        Self.combine(options, into: &hasher)
        for tree in [content, templates] {
            hasher.combine(tree.entries.count)
            for entry in tree.entries {
                hasher.combine(entry.path)
                hasher.combine(entry.file.identity)
                for number in [
                    entry.file.isDirectory ? 1 : 0, entry.file.permissions, entry.file.owner,
                    entry.file.group,
                ] {
                    hasher.combine(Int(number))
                }
            }
        }
        let previous = SiteBuilder.previousStatePath(options)
        if FileManager.default.fileExists(atPath: previous) {
            guard let bytes = try? RegularFile.read(previous) else { return nil }
            hasher.combine(1)
            hasher.combine(bytes.count)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        } else {
            hasher.combine(0)
        }
        hash = hasher.finalize()
        var contentFiles: [String: ResolvedFile] = [:]
        contentFiles.reserveCapacity(content.entries.count)
        for entry in content.entries {
            contentFiles[joinPath(options.contentDirectory, entry.path)] = entry.file
        }
        self.contentFiles = contentFiles
        // The executable is left out: a running executable cannot be written to.
        isRacy = (content.entries + templates.entries).contains {
            Self.isRacy($0.file.identity, startedAt: startedAt)
        }
    }

    /// Whether a file was modified less than `racyWindow` before `startedAt`, or later: too
    /// recently for its identity to tell a further edit.
    static func isRacy(_ identity: FileIdentity, startedAt: Date) -> Bool {
        TimeInterval(identity.modifiedSeconds) + TimeInterval(identity.modifiedNanoseconds) / 1e9
            >= startedAt.timeIntervalSince1970 - racyWindow
    }

    /// Every option that changes the output or the messages.
    private static func combine(_ options: BuildOptions, into hasher: inout StableHasher) {
        for text in [
            options.siteRoot, options.contentDirectory, options.templatesDirectory, options.outputDirectory,
            options.workingDirectory,
        ] {
            hasher.combine(text)
        }
        for text in [options.baseURL, options.previousState] {
            hasher.combine(text == nil ? 0 : 1)
            hasher.combine(text ?? "")
        }
        hasher.combine(Int(bitPattern: UInt(options.now.timeIntervalSince1970.bitPattern)))
        hasher.combine(options.includeDrafts ? 1 : 0)
        switch options.foreignFiles {
        case .refuse: hasher.combine(0)
        case .keep: hasher.combine(1)
        case .remove: hasher.combine(2)
        }
        hasher.combine(options.staleAfter == nil ? 0 : 1)
        hasher.combine(Int(bitPattern: UInt((options.staleAfter ?? 0).bitPattern)))
    }
}
