import Foundation
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldMarkdown
import HeraldRender
import HeraldTemplates
import HeraldValidate
import HeraldWrite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading and writing the files of the build cache. The cache is optional, so nothing here
/// fails: a file that cannot be read is absent, one that cannot be written is left out. Links
/// are never followed, in either direction.
enum CacheFile {
    /// The most a cache file may hold: the memos of a large archive pass the 64 MiB that
    /// content files may (`parses.bin` holds about the content's own size).
    static let sizeLimit = 4 << 30

    static func read(_ path: String) -> Data? {
        try? RegularFile.read(path, limit: sizeLimit, followingLinks: false)
    }

    /// Writes `data` to a temporary file and renames it over `path`, so a crash leaves the old
    /// file or the new one, never a mix.
    static func replace(_ path: String, with data: Data) {
        replace(path) { writeAll(data, to: $0) }
    }

    /// `replace`, with the bytes written by `write` to the temporary file's descriptor (it
    /// returns whether all were written); true when the new file is in place.
    @discardableResult
    static func replace(_ path: String, writing write: (Int32) -> Bool) -> Bool {
        let temporary = path + ".tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        let written = write(descriptor)
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    static func remove(_ path: String) {
        unlink(path)
    }
}
