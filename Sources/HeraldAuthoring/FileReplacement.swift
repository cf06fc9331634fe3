import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces one content file the way a careful editor does, for `herald update`.
///
/// - A symbolic link stays a link: the file it points to gets the new bytes.
/// - The file keeps its permissions, owner and group.
/// - A file with several hard links is rewritten in place (a rename would leave the other names
///   with the old bytes); any other file is replaced by writing a temporary file beside it and
///   renaming it over, so readers see the old bytes or the new, never a mix.
/// - With `expecting`, the file's bytes are compared with it just before the rename (or the
///   rewrite), so an editor's save made meanwhile is never overwritten (`ContentChanged`).
struct FileReplacement {
    let path: String

    func replace(with data: Data, expecting original: Data?) throws {
        guard let resolved = realpath(path, nil) else { throw FileOperationError("resolve", path) }
        let target = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(target, &info) == 0 else { throw FileOperationError("read", path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw FileOperationError("replace", path, code: EINVAL)
        }
        if info.st_nlink > 1 {
            try rewrite(target, with: data, expecting: original)
        } else if try !replaceByRename(target, info, with: data, expecting: original) {
            try rewrite(target, with: data, expecting: original)
        }
    }

    /// Writes a temporary file with the original's mode, owner and group, then renames it over
    /// `target`. False, having written nothing, when the owner cannot be kept (another user's
    /// group-writable file): the caller then rewrites in place.
    private func replaceByRename(_ target: String, _ info: stat, with data: Data, expecting original: Data?)
        throws -> Bool
    {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = "\(folder)/.\(name).herald-\(UUID().uuidString).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileOperationError("write", temporary) }
        var renamed = false
        defer {
            close(descriptor)
            if !renamed { unlink(temporary) }
        }
        guard fchown(descriptor, info.st_uid, info.st_gid) == 0 else { return false }
        guard fchmod(descriptor, info.st_mode & 0o7777) == 0 else {
            throw FileOperationError("write", temporary)
        }
        guard writeAll(data, to: descriptor) else { throw FileOperationError("write", temporary) }
        guard fsync(descriptor) == 0 else { throw FileOperationError("write", temporary) }
        if let original, try RegularFile.read(target) != original {
            throw ContentChanged(path: path)
        }
        guard rename(temporary, target) == 0 else { throw FileOperationError("write", path) }
        renamed = true
        return true
    }

    /// Rewrites `target` through the same inode: every hard link sees the new bytes. Not atomic
    /// (a crash halfway leaves a mix), which is why it is only for files that need it.
    private func rewrite(_ target: String, with data: Data, expecting original: Data?) throws {
        let descriptor = open(target, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileOperationError("write", path) }
        defer { close(descriptor) }
        if let original {
            let current =
                try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEnd() ?? Data()
            guard current == original else { throw ContentChanged(path: path) }
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw FileOperationError("write", path) }
        }
        guard writeAll(data, to: descriptor), ftruncate(descriptor, off_t(data.count)) == 0,
            fsync(descriptor) == 0
        else {
            throw FileOperationError("write", path)
        }
    }
}
