/// `name` inside the folder `directory`, as paths are given on the command line: no separator is
/// doubled, and a folder of `""` or `.` leaves `name` as it is, so messages show the paths a
/// user typed.
package func joinPath(_ directory: String, _ name: String) -> String {
    if directory.isEmpty || directory == "." { return name }
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
}

/// `path` relative to `root` when it lies under it; otherwise `path` as given (a leading `./`
/// and trailing slashes dropped). How diagnostics name files: relative to the folder the user
/// ran the command in (`BuildOptions.displayRoot`), so a terminal or editor opens them.
package func relativePath(of path: String, to root: String) -> String {
    func trimmed(_ path: String) -> String {
        var result = path
        while result.hasPrefix("./") { result.removeFirst(2) }
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result.isEmpty ? "." : result
    }
    let cleanPath = trimmed(path)
    let cleanRoot = trimmed(root)
    if cleanRoot == "." { return cleanPath }
    if cleanPath == cleanRoot { return "." }
    let prefix = cleanRoot == "/" ? "/" : cleanRoot + "/"
    return cleanPath.hasPrefix(prefix) ? String(cleanPath.dropFirst(prefix.count)) : cleanPath
}
