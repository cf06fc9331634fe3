#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists a folder tree with `readdir` and its entry types (no `stat` per entry).
package enum DirectoryWalk {
    /// Relative paths of the regular files, the folders and everything else (symbolic links,
    /// pipes, sockets) below `root`; links are listed, never followed, and top-level hidden
    /// entries (a publishing checkout's `.git`) are skipped.
    package static func entries(below root: String) -> (
        files: [String], directories: [String], others: [String]
    ) {
        var files: [String] = []
        var directories: [String] = []
        var others: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? root : "\(root)/\(relative)"
            for (name, type) in children(of: path) ?? [] {
                if relative.isEmpty && name.hasPrefix(".") { continue }
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                var kind = type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat("\(root)/\(child)", &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: kind = UInt8(DT_DIR)
                    case S_IFREG: kind = UInt8(DT_REG)
                    default: kind = UInt8(DT_LNK)
                    }
                }
                switch kind {
                case UInt8(DT_DIR):
                    directories.append(child)
                    pending.append(child)
                case UInt8(DT_REG): files.append(child)
                default: others.append(child)
                }
            }
        }
        return (files, directories, others)
    }

    /// The names of a folder's entries (without `.` and `..`) and their `d_type`s, as `readdir`
    /// reports them (`DT_UNKNOWN` on file systems that do not say); nil when the folder cannot
    /// be read to its end.
    package static func children(of path: String) -> [(name: String, type: UInt8)]? {
        guard let handle = opendir(path) else { return nil }
        defer { closedir(handle) }
        var result: [(name: String, type: UInt8)] = []
        while true {
            errno = 0
            guard let entry = readdir(handle) else { break }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            result.append((name, UInt8(entry.pointee.d_type)))
        }
        return errno == 0 ? result : nil
    }
}
