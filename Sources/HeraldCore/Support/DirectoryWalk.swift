#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists a folder tree with `readdir` and its entry types (no `stat` per entry).
package enum DirectoryWalk {
    /// Relative paths of the regular files and folders below `root`; top-level hidden entries
    /// (a publishing checkout's `.git`) are skipped.
    package static func entries(below root: String) -> (files: [String], directories: [String]) {
        var files: [String] = []
        var directories: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? root : "\(root)/\(relative)"
            for (name, type) in children(of: path) ?? [] {
                if relative.isEmpty && name.hasPrefix(".") { continue }
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                var isDirectory = type == UInt8(DT_DIR)
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat("\(root)/\(child)", &info) == 0 else { continue }
                    isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isDirectory {
                    directories.append(child)
                    pending.append(child)
                } else {
                    files.append(child)
                }
            }
        }
        return (files, directories)
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
