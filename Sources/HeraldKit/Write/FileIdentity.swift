#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which file is at a path, as `stat` tells it: device, inode, size and modification time.
///
/// The build cache trusts a file of the current output only while its identity is the one
/// recorded when Herald wrote it, so a file changed or replaced behind Herald's back (any
/// write changes the modification time or the inode) is rendered again. The change time is
/// left out on purpose: hard-linking a file into the next output changes it.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64

    /// The identity of the regular file (or, with `directory`, the folder) at `path`; symbolic
    /// links are not followed. A folder's modification time changes whenever an entry is added
    /// to it or removed from it.
    init?(path: String, directory: Bool = false) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == (directory ? S_IFDIR : S_IFREG) else {
            return nil
        }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
            modifiedSeconds = Int64(info.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtimespec.tv_nsec)
        #else
            modifiedSeconds = Int64(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
        #endif
    }

    init(device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
    }
}
