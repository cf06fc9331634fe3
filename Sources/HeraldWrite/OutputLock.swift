import Foundation
import HeraldCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one process writing an output folder: an `flock` on `.<output>.herald-lock` beside it,
/// held by a build for its whole run and by `herald serve` for as long as it serves.
///
/// The kernel releases the lock when its holder exits in any way, `kill -9` included, so a lock
/// file left behind by a dead process is simply taken over; the file itself stays (removing a
/// lock file that others may be opening would let two processes hold "the" lock at once).
package final class OutputLock: Sendable {
    /// Another process holds the lock.
    package struct Busy: Error, Sendable, CustomStringConvertible {
        package var output: String
        /// What the holder wrote into the lock file: its process id and command.
        package var holder: String

        package var description: String {
            let who = holder.isEmpty ? "another herald process" : "another herald process (\(holder))"
            return "\(who) is writing \(output); wait for it to finish or stop it, then build again"
        }
    }

    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock of `output` at once, or throws `Busy` naming the process that holds it.
    package static func acquire(_ output: OutputLocation, command: String) throws -> OutputLock {
        let path = output.lockFile
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileOperationError("lock", path) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = (try? RegularFile.read(path, limit: 4096, followingLinks: false)).map {
                String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            close(descriptor)
            guard code == EWOULDBLOCK else { throw FileOperationError("lock", path, code: code) }
            throw Busy(output: output.path, holder: holder ?? "")
        }
        let lock = OutputLock(descriptor: descriptor)
        let holder = Data("pid \(getpid()), `\(command)`\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = writeAll(holder, to: descriptor)
        return lock
    }
}
