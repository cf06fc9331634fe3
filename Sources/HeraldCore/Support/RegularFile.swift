import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way Herald reads a file someone named: a content file, a template, a state file.
///
/// Only regular files are read (after following links), so a FIFO never blocks the build and a
/// link to `/dev/zero` is never read without end; and never more than `limit` bytes.
package enum RegularFile {
    /// 64 MiB: far above any content, template or state file, far below what would hurt.
    package static let defaultLimit = 64 << 20

    package enum Failure: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
        /// What the path names instead: `a FIFO`, `a device`, `a folder`, `a socket`.
        case notRegular(String)
        case tooLarge(limit: Int)
        /// The system's reason, such as `No such file or directory`.
        case system(String)

        package var description: String {
            switch self {
            case .notRegular(let kind): "not a regular file (it is \(kind))"
            case .tooLarge(let limit): "bigger than \(limit >> 20) MiB, more than Herald reads"
            case .system(let reason): reason
            }
        }

        package var errorDescription: String? { description }
    }

    /// The bytes of the regular file at `path`. `followingLinks: false` is for the files Herald
    /// keeps for itself (its cache, its output marker): a link there is never followed.
    package static func read(_ path: String, limit: Int = defaultLimit, followingLinks: Bool = true)
        throws(Failure) -> Data
    {
        // stat first, so nothing but a regular file is even opened; fstat after, in case the
        // path changed in between. O_NONBLOCK keeps opening a FIFO from waiting for a writer.
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { throw systemFailure() }
        try checkRegular(info)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { throw systemFailure() }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { throw systemFailure() }
        try checkRegular(info)
        return try readAll(descriptor, limit: limit, expected: Int(info.st_size))
    }

    /// Everything an open descriptor yields until its end, failing past `limit` bytes (for
    /// standard input as well as files).
    package static func readAll(_ descriptor: Int32, limit: Int, expected: Int = 0) throws(Failure) -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        data.reserveCapacity(min(max(expected, 0), limit) + 1)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw systemFailure()
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[..<count])
            if data.count > limit { throw .tooLarge(limit: limit) }
        }
    }

    /// What is at `path` without following a link: a regular file, a folder, something else
    /// (a link among them), or nothing.
    package static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .absent }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    package enum Kind: Sendable, Equatable {
        case absent, file, directory, other
    }

    private static func checkRegular(_ info: stat) throws(Failure) {
        let type = info.st_mode & S_IFMT
        guard type != S_IFREG else { return }
        switch type {
        case S_IFDIR: throw .notRegular("a folder")
        case S_IFIFO: throw .notRegular("a FIFO")
        case S_IFCHR, S_IFBLK: throw .notRegular("a device")
        case S_IFSOCK: throw .notRegular("a socket")
        default: throw .notRegular("neither a file nor a folder")
        }
    }

    private static func systemFailure() -> Failure {
        .system(String(cString: strerror(errno)))
    }
}

/// The system's `read`, which `RegularFile.read` hides inside the type.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
