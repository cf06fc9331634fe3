#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which file is at a path, as `stat` tells it: device, inode, size, modification time and
/// status-change time.
///
/// The build cache trusts a file of the current output only while its identity is the one
/// recorded when Herald wrote it, so a file changed or replaced behind Herald's back is
/// rendered again. The change time is what catches an edit that keeps the size and sets the
/// old modification time back (`touch -r`), and an edit through another hard link: no program
/// can set it. Herald's own hard links change it too, so the publisher records identities after
/// linking.
package struct FileIdentity: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64
    package var size: Int64
    package var modifiedSeconds: Int64
    package var modifiedNanoseconds: Int64
    package var changedSeconds: Int64
    package var changedNanoseconds: Int64

    /// The identity of the regular file (or, with `directory`, the folder) at `path`; symbolic
    /// links are not followed. A folder's modification time changes whenever an entry is added
    /// to it or removed from it.
    package init?(path: String, directory: Bool = false) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == (directory ? S_IFDIR : S_IFREG) else {
            return nil
        }
        self.init(info)
    }

    /// What `path` names once symbolic links are followed, as a reader of the file sees it; nil
    /// when it does not exist or is neither a regular file nor a folder.
    package static func resolving(_ path: String) -> ResolvedFile? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFDIR else { return nil }
        return ResolvedFile(
            identity: FileIdentity(info), isDirectory: type == S_IFDIR,
            permissions: UInt32(info.st_mode & 0o7777), owner: UInt32(info.st_uid), group: UInt32(info.st_gid)
        )
    }

    private init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
            modifiedSeconds = Int64(info.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
            changedSeconds = Int64(info.st_ctimespec.tv_sec)
            changedNanoseconds = Int64(info.st_ctimespec.tv_nsec)
        #else
            modifiedSeconds = Int64(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
            changedSeconds = Int64(info.st_ctim.tv_sec)
            changedNanoseconds = Int64(info.st_ctim.tv_nsec)
        #endif
    }

    package init(
        device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64,
        changedSeconds: Int64, changedNanoseconds: Int64
    ) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedSeconds = changedSeconds
        self.changedNanoseconds = changedNanoseconds
    }
}

/// A file or folder as `FileIdentity.resolving` finds it: which one it is, and who may read it
/// (a change of permissions changes neither its modification time nor its inode).
package struct ResolvedFile: Sendable, Equatable {
    package var identity: FileIdentity
    package var isDirectory: Bool
    package var permissions: UInt32
    package var owner: UInt32
    package var group: UInt32
}

extension StableHasher {
    /// Feeds every field of `identity`.
    package mutating func combine(_ identity: FileIdentity) {
        combine(Int(bitPattern: UInt(identity.device)))
        combine(Int(bitPattern: UInt(identity.inode)))
        combine(Int(identity.size))
        combine(Int(identity.modifiedSeconds))
        combine(Int(identity.modifiedNanoseconds))
        combine(Int(identity.changedSeconds))
        combine(Int(identity.changedNanoseconds))
    }
}
