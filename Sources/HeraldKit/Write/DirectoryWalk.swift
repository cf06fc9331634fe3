#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists a folder tree with `readdir` and its entry types (no `stat` per entry).
enum DirectoryWalk {
    /// Relative paths of the regular files and folders below `root`; top-level hidden entries
    /// (a publishing checkout's `.git`) are skipped.
    static func entries(below root: String) -> (files: [String], directories: [String]) {
        var files: [String] = []
        var directories: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? root : "\(root)/\(relative)"
            guard let handle = opendir(path) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." || (relative.isEmpty && name.hasPrefix(".")) { continue }
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat("\(root)/\(child)", &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
                }
                if type == Int32(DT_DIR) {
                    directories.append(child)
                    pending.append(child)
                } else {
                    files.append(child)
                }
            }
        }
        return (files, directories)
    }
}
