import Foundation
import HeraldCore

/// Atomic publication for incremental builds (SPEC §6), without writing or deleting the whole
/// site each time.
///
/// A spare copy of the site lives in the build cache. Each build turns the spare into the new
/// site: files whose bytes are unchanged become hard links to the current output's files
/// (so they keep their modification time and cost no copy), changed files are written as new
/// files (never into an inode the live output shares), files that are gone are removed. Then
/// the spare and the output are exchanged in one `renameat2(RENAME_EXCHANGE)`, and the old
/// output becomes the next build's spare, so nothing is ever deleted wholesale (deleting a
/// tree of thousands of folders is the slowest thing a file system does). When every file is
/// unchanged and no file is added or removed, the output already is the new site and nothing
/// is touched.
package struct SpareTreePublisher {
    package let outputDirectory: String
    package let spareDirectory: String
    let disk: any WritableFileSystem

    package init(outputDirectory: String, spareDirectory: String, disk: any WritableFileSystem) {
        self.outputDirectory = outputDirectory
        self.spareDirectory = spareDirectory
        self.disk = disk
    }

    package struct Result {
        package var manifest: OutputManifest
        /// Files written with new bytes (0 when the output was left as it was).
        package var written: Int
    }

    /// - Parameters:
    ///   - outputIntact: the caller verified that the output holds exactly the files of
    ///     `current` (no folder changed since it was recorded), so an all-kept build is a no-op.
    ///   - kept: files of the output that are not Herald's and go into the new output as they
    ///     are (see `OutputOwnership`); `keptBefore`, those its marker already lists.
    ///   - survey: what the spare tree held before this build's `store` calls (`survey()`); nil
    ///     when there was no spare tree, so it holds nothing stale and need not be walked (a first
    ///     build: 2.3 s of 5 s at 50,000 incidents).
    package func publish(
        _ files: [PlannedFile], current: OutputManifest, outputIntact: Bool, kept: Set<String> = [],
        keptBefore: Set<String> = [], survey: Survey? = nil
    ) throws(OutputPublisher.Failure) -> Result {
        for file in files where !OutputPublisher.isSafe(file.path) { throw .unsafePath(file.path) }
        let wanted = Set(files.map(\.path))
        if outputIntact, kept == keptBefore, files.allSatisfy({ $0.contents == nil && $0.stored == nil }),
            wanted == Set(current.entries.keys)
        {
            return Result(manifest: current, written: 0)
        }
        var directories = DirectoryMaker(root: spareDirectory, disk: disk)
        try directories.make("")
        let folders = Self.folders(holding: wanted)
        if let survey { removeStale(survey, keeping: wanted, in: folders) }
        var manifest = OutputManifest()
        var written = 0
        var linked: [String] = []
        for file in files {
            let target = "\(spareDirectory)/\(file.path)"
            if let identity = file.stored {
                manifest.entries[file.path] = OutputManifest.Entry(key: file.key, identity: identity)
                written += 1
            } else if let contents = file.contents {
                disk.removeFile(at: target)
                try directories.make(Self.folder(of: file.path))
                try io(target) { () throws(FileOperationError) in
                    try disk.createFile(at: target, contents: contents)
                }
                guard let identity = disk.identity(at: target, directory: false) else {
                    throw .io(target, POSIXError(.ENOENT))
                }
                manifest.entries[file.path] = OutputManifest.Entry(key: file.key, identity: identity)
                written += 1
            } else if let entry = current.entries[file.path] {
                let spareIdentity = disk.identity(at: target, directory: false)
                if spareIdentity?.inode != entry.identity.inode
                    || spareIdentity?.device != entry.identity.device
                {
                    disk.removeFile(at: target)
                    try directories.make(Self.folder(of: file.path))
                    try io(target) { () throws(FileOperationError) in
                        try disk.link("\(outputDirectory)/\(file.path)", at: target)
                    }
                    linked.append(file.path)
                }
                manifest.entries[file.path] = entry
            }
        }
        // A new link changes the file's change time, which its identity includes.
        for path in linked {
            guard let identity = disk.identity(at: "\(spareDirectory)/\(path)", directory: false) else {
                throw .io(path, POSIXError(.ENOENT))
            }
            manifest.entries[path]?.identity = identity
        }
        try writeMarker(OutputMarker(written: wanted, kept: kept))
        _ = try DirectorySwap(disk: disk).replace(outputDirectory, with: spareDirectory, keeping: kept)
        manifest.directories = directoryIdentities(
            of: kept.isEmpty ? folders : folders.union(Self.folders(holding: kept)))
        return Result(manifest: manifest, written: written)
    }

    /// Puts the new output's `OutputMarker` into the spare tree: a link to the current one when
    /// its bytes are the same, so an unchanged site changes no file.
    private func writeMarker(_ marker: OutputMarker) throws(OutputPublisher.Failure) {
        let path = "\(spareDirectory)/\(OutputMarker.name)"
        let current = "\(outputDirectory)/\(OutputMarker.name)"
        let bytes = marker.encoded()
        disk.removeFile(at: path)
        if disk.contentsOfRegularFile(at: current) == bytes, (try? disk.link(current, at: path)) != nil {
            return
        }
        try io(path) { () throws(FileOperationError) in try disk.createFile(at: path, contents: bytes) }
    }

    /// Writes a new file into the spare tree as soon as it is rendered (from any thread), so a
    /// build does not hold every page in memory until publishing; `publish` then counts it as
    /// written. Nil when it cannot (an unsafe path, a file where a folder should be): the caller
    /// keeps the bytes and `publish` writes them after tidying the spare, or reports why not.
    package func store(_ path: String, _ contents: Data) -> FileIdentity? {
        guard OutputPublisher.isSafe(path) else { return nil }
        let target = "\(spareDirectory)/\(path)"
        // The spare's file may be a hard link into the live output: never write into it.
        disk.removeFile(at: target)
        do {
            try disk.createFile(at: target, contents: contents)
        } catch {
            guard error.code == ENOENT, let slash = target.lastIndex(of: "/"),
                (try? disk.createDirectories(at: String(target[..<slash]))) != nil,
                (try? disk.createFile(at: target, contents: contents)) != nil
            else { return nil }
        }
        return disk.identity(at: target, directory: false)
    }

    /// What the spare tree holds before this build writes into it, once anything in it that is
    /// neither a file nor a folder is gone: Herald never makes a link there, and a page written
    /// while rendering (`store`) must never follow one out of the tree. Call it before the first
    /// `store`; `publish` then tidies the spare from this list instead of walking it again.
    package func survey() -> Survey {
        let existing = disk.entries(below: spareDirectory)
        for other in existing.others { disk.removeFile(at: "\(spareDirectory)/\(other)") }
        return Survey(files: existing.files, directories: existing.directories)
    }

    /// The spare tree's files and folders, as `survey` found them.
    package struct Survey: Sendable {
        var files: [String]
        var directories: [String]

        package var fileCount: Int { files.count }
    }

    /// Links every file of the output just published into the spare tree, so that the next
    /// publish links only what changed: after a build that found the spare (nearly) empty, as a
    /// first build does, or wrote most files, as one after a theme change does, the next one
    /// linked every file (13,777 at 10,000 incidents: 3–4 s of the save after it). Linking changes a file's change time,
    /// which its identity includes, so this returns `manifest` with the new identities; a file
    /// that cannot be linked, or is no longer the one recorded, keeps its recorded identity and
    /// is linked by the next publish instead.
    package func fillSpare(from manifest: OutputManifest) -> OutputManifest {
        var directories = DirectoryMaker(root: spareDirectory, disk: disk)
        var filled = manifest
        for (path, entry) in manifest.entries {
            let target = "\(spareDirectory)/\(path)"
            let source = "\(outputDirectory)/\(path)"
            guard (try? directories.make(Self.folder(of: path))) != nil else { continue }
            disk.removeFile(at: target)
            guard (try? disk.link(source, at: target)) != nil,
                let identity = disk.identity(at: source, directory: false),
                identity.inode == entry.identity.inode, identity.device == entry.identity.device
            else { continue }
            filled.entries[path]?.identity = identity
        }
        return filled
    }

    /// Removes the spare's files that the new site does not have, and the folders they leave empty.
    /// `needed`: the folders that hold `wanted` (`folders(holding:)`).
    private func removeStale(_ existing: Survey, keeping wanted: Set<String>, in needed: Set<String>) {
        for file in existing.files where !wanted.contains(file) {
            disk.removeFile(at: "\(spareDirectory)/\(file)")
        }
        for directory in existing.directories.sorted(by: >) where !needed.contains(directory) {
            disk.removeEmptyDirectory(at: "\(spareDirectory)/\(directory)")
        }
    }

    /// Every folder (relative, without the root itself) that holds one of `files` at any depth.
    package static func folders(holding files: Set<String>) -> Set<String> {
        var folders: Set<String> = []
        for path in files {
            var rest = path[...]
            while let slash = rest.lastIndex(of: "/") {
                rest = rest[..<slash]
                guard folders.insert(String(rest)).inserted else { break }
            }
        }
        return folders
    }

    /// The folder (relative, "" for the root) that holds the file at the relative `path`.
    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// The identity of the output folder and of `folders` in it (those holding the site's files).
    private func directoryIdentities(of folders: Set<String>) -> [String: FileIdentity] {
        var paths = folders
        paths.insert("")
        let root = outputDirectory
        let identities = ParallelMap.map(Array(paths)) { path in
            (path, disk.identity(at: path.isEmpty ? root : "\(root)/\(path)", directory: true))
        }
        var result: [String: FileIdentity] = [:]
        for (path, identity) in identities { result[path] = identity }
        return result
    }
}

/// Creates folders below a root once each, parents first.
private struct DirectoryMaker {
    let root: String
    let disk: any WritableFileSystem
    private var made: Set<String> = []

    init(root: String, disk: any WritableFileSystem) {
        self.root = root
        self.disk = disk
    }

    mutating func make(_ relative: String) throws(OutputPublisher.Failure) {
        guard !made.contains(relative) else { return }
        let path = relative.isEmpty ? root : "\(root)/\(relative)"
        try io(path) { () throws(FileOperationError) in try disk.createDirectories(at: path) }
        made.insert(relative)
    }
}
