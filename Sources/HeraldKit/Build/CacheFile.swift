import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading and writing the files of the build cache. The cache is optional, so nothing here
/// fails: a file that cannot be read is absent, one that cannot be written is left out.
enum CacheFile {
    static func read(_ path: String) -> Data? {
        try? RegularFile.read(path)
    }

    /// Writes `data` to a temporary file and renames it over `path`, so a crash leaves the old
    /// file or the new one, never a mix.
    static func replace(_ path: String, with data: Data) {
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

    static func remove(_ path: String) {
        unlink(path)
    }
}
