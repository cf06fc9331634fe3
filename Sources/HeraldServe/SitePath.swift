import Foundation

/// What a request path names in the output folder.
enum SitePath: Equatable {
    case file(String)
    /// A folder asked for without its trailing slash: relative links need it.
    case redirect(String)
    case missing

    /// Percent-decoded, `.` and `..` refused (never outside `root`), folders to their `index.html`.
    static func resolve(_ requestPath: String, in root: String) -> SitePath {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == "." || $0 == ".." || $0.contains("\0") }) else {
            return .missing
        }
        let relative = segments.joined(separator: "/")
        let path = relative.isEmpty ? root : "\(root)/\(relative)"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        guard isDirectory.boolValue else { return .file(path) }
        guard decoded.hasSuffix("/") || relative.isEmpty else { return .redirect(requestPath + "/") }
        let index = "\(path)/index.html"
        return FileManager.default.fileExists(atPath: index) ? .file(index) : .missing
    }
}
