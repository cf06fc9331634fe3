import Foundation

/// The file operations Herald's stages need, injected so tests can run on memory.
///
/// Paths are absolute or relative to the process's working directory, exactly as given.
package protocol FileSystem: Sendable {
    func readFile(at path: String) throws -> Data
    /// Names (not paths) of the entries of a folder; empty if it does not exist.
    func contentsOfDirectory(at path: String) throws -> [String]
    func isDirectory(at path: String) -> Bool
    func fileExists(at path: String) -> Bool
    /// The non-hidden files below a folder (none when it does not exist; entries that are neither
    /// files nor folders are listed, for reading them to say what they are), and the entries not
    /// followed: a symbolic link out of the folder, a folder reached twice. Bounded by what the
    /// folder holds, whatever its links.
    func files(below directory: String) -> FolderListing
    /// Whether these are the real disk's files, which a build may `stat` (against the real clock)
    /// to tell that nothing changed since the last build (`InputFingerprint`). False unless said.
    var isStatable: Bool { get }
}

extension FileSystem {
    package var isStatable: Bool { false }
}

/// The real disk.
package struct LocalFileSystem: FileSystem {
    package init() {}

    package var isStatable: Bool { true }

    /// Regular files only, at most `RegularFile.defaultLimit` bytes; throws `RegularFile.Failure`.
    package func readFile(at path: String) throws -> Data {
        try RegularFile.read(path)
    }

    package func contentsOfDirectory(at path: String) throws -> [String] {
        guard isDirectory(at: path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: path)
    }

    package func isDirectory(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    package func fileExists(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}

/// Files held in memory, for tests and for `herald init`'s templates.
package struct InMemoryFileSystem: FileSystem {
    package var files: [String: Data]

    package init(files: [String: String] = [:]) {
        self.files = files.mapValues { Data($0.utf8) }
    }

    package func readFile(at path: String) throws -> Data {
        guard let data = files[normalize(path)] else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return data
    }

    package func contentsOfDirectory(at path: String) throws -> [String] {
        let prefix = normalize(path) + "/"
        var names = Set<String>()
        for key in files.keys where key.hasPrefix(prefix) {
            let rest = key.dropFirst(prefix.count)
            names.insert(String(rest.prefix { $0 != "/" }))
        }
        return names.sorted()
    }

    package func isDirectory(at path: String) -> Bool {
        let prefix = normalize(path) + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    package func fileExists(at path: String) -> Bool {
        files[normalize(path)] != nil || isDirectory(at: path)
    }

    /// Memory holds no links, so this is every stored path below the folder.
    package func files(below directory: String) -> FolderListing {
        let prefix = normalize(directory) + "/"
        return FolderListing(
            files: files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
                .filter { !FolderListing.isHidden($0) })
    }

    private func normalize(_ path: String) -> String {
        var result = path
        while result.hasSuffix("/") && result.count > 1 { result.removeLast() }
        if result.hasPrefix("./") { result.removeFirst(2) }
        return result
    }
}
