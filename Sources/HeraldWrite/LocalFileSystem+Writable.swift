import CAtomicSwap
import Foundation
import HeraldCore

#if canImport(Glibc)
    import Glibc
    private let systemLink = Glibc.link
#elseif canImport(Darwin)
    import Darwin
    private let systemLink = Darwin.link
#endif

/// The real disk, through plain POSIX calls: Foundation's `Data.write` syncs every file to disk,
/// which for thousands of pages costs more than rendering them; the atomic exchange, not
/// per-file syncing, is what keeps readers from seeing a half-written site.
extension LocalFileSystem: WritableFileSystem {
    package func kind(at path: String) -> RegularFile.Kind { RegularFile.kind(path) }

    package func identity(at path: String, directory: Bool) -> FileIdentity? {
        FileIdentity(path: path, directory: directory)
    }

    package func names(in directory: String) -> [String] {
        DirectoryWalk.children(of: directory)?.map(\.name) ?? []
    }

    package func entries(below root: String) -> (files: [String], directories: [String], others: [String]) {
        DirectoryWalk.entries(below: root)
    }

    package func contentsOfRegularFile(at path: String) -> Data? {
        try? RegularFile.read(path, followingLinks: false)
    }

    package func createFile(at path: String, contents: Data) throws(FileOperationError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileOperationError("create", path) }
        defer { close(descriptor) }
        guard writeAll(contents, to: descriptor) else { throw FileOperationError("write", path) }
    }

    package func createDirectories(at path: String) throws(FileOperationError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
            throw FileOperationError("create the folder", path)
        }
        try createDirectories(at: String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw FileOperationError("create the folder", path)
        }
    }

    package func removeFile(at path: String) { unlink(path) }

    package func removeEmptyDirectory(at path: String) { rmdir(path) }

    package func removeItem(at path: String) throws(FileOperationError) {
        guard RegularFile.kind(path) != .absent else { return }
        // `removeItem` removes a link itself, never what it points to.
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw FileOperationError("remove", path, code: Self.code(of: error))
        }
    }

    package func link(_ existing: String, at path: String) throws(FileOperationError) {
        guard systemLink(existing, path) == 0 else { throw FileOperationError("link", path) }
    }

    package func copyFile(_ source: String, to destination: String) throws(FileOperationError) {
        do {
            try FileManager.default.copyItem(atPath: source, toPath: destination)
        } catch {
            throw FileOperationError("copy", destination, code: Self.code(of: error))
        }
    }

    package func move(_ source: String, to destination: String) throws(FileOperationError) {
        do {
            try FileManager.default.moveItem(atPath: source, toPath: destination)
        } catch {
            throw FileOperationError("move", source, code: Self.code(of: error))
        }
    }

    package func exchange(_ first: String, _ second: String) -> Bool {
        herald_exchange_paths(first, second) == 0
    }

    /// The `errno` behind a Foundation error, `EIO` when it has none.
    private static func code(of error: any Error) -> Int32 {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix = underlying, posix.domain == NSPOSIXErrorDomain { return Int32(posix.code) }
        return EIO
    }
}
