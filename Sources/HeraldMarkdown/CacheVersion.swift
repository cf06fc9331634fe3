import CCmarkGFM
import Foundation
import HeraldCore

/// What a cache was made by: the cache format, the Herald executable itself and the cmark-gfm
/// library it renders Markdown with, so a rebuilt or upgraded Herald (or a system upgrade of
/// the shared library) never trusts results of another one.
package enum CacheVersion {
    static let format = "herald-cache-3"

    /// The running executable's identity (device, inode, size, modification time), or nil when
    /// it cannot be determined. On Linux `/proc/self/exe` names the very file being run, even
    /// after a new build has replaced it at its path; elsewhere the bundle's path is used.
    package static let executable: FileIdentity? = {
        let found =
            FileIdentity.resolving("/proc/self/exe")
            ?? Bundle.main.executablePath.flatMap(FileIdentity.resolving)
        return found.flatMap { $0.isDirectory ? nil : $0.identity }
    }()

    package static let current: StableHash = {
        var hasher = StableHasher()
        hasher.combine(format)
        hasher.combine(CmarkLibrary.version)
        if let executable {
            hasher.combine(executable)
        }
        return hasher.finalize()
    }()
}
