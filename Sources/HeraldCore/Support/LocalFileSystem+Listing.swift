#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LocalFileSystem {
    /// Lists `directory` with `readdir`, following symbolic links only to what lies inside it (by
    /// real path), and each folder once (by device and inode), so a loop of links, or many links
    /// to one folder, cannot make the walk endless or exponential.
    package func files(below directory: String) -> FolderListing {
        guard let root = Self.realPath(directory), let rootFolder = Self.folderKey(directory) else {
            return FolderListing()
        }
        var files: [String] = []
        var problems: [FolderListing.Problem] = []
        // Every folder listed, with the first relative path it was reached by.
        var listed: [[UInt64]: String] = [rootFolder: ""]
        var pending = [""]
        while let folder = pending.popLast() {
            let folderPath = folder.isEmpty ? directory : "\(directory)/\(folder)"
            guard let children = DirectoryWalk.children(of: folderPath) else {
                problems.append(.init(path: folder, kind: .unreadable))
                continue
            }
            for (name, type) in children where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : "\(folder)/\(name)"
                let path = "\(directory)/\(relative)"
                if type == UInt8(DT_REG) {
                    files.append(relative)
                    continue
                }
                if type != UInt8(DT_DIR), Self.isSymbolicLink(path) {
                    // A dangling link is listed: reading it reports it.
                    guard let target = Self.realPath(path) else {
                        files.append(relative)
                        continue
                    }
                    guard target == root || target.hasPrefix(root == "/" ? "/" : root + "/") else {
                        problems.append(.init(path: relative, kind: .outside(target: target)))
                        continue
                    }
                }
                var info = stat()
                guard stat(path, &info) == 0 else {
                    files.append(relative)
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    files.append(relative)
                case S_IFDIR:
                    let key = [UInt64(info.st_dev), UInt64(info.st_ino)]
                    if let first = listed[key] {
                        problems.append(.init(path: relative, kind: .revisited(firstPath: first)))
                    } else {
                        listed[key] = relative
                        pending.append(relative)
                    }
                default:
                    // A pipe, socket or device: listed, so that reading it (`RegularFile`) says what it is.
                    files.append(relative)
                }
            }
        }
        return FolderListing(files: files, problems: problems)
    }

    /// Device and inode of the folder at `path` (links followed); nil when it is not one.
    private static func folderKey(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// The absolute path without links, `.` or `..`; nil when it leads nowhere.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
