import Foundation

/// What a request path names in the output folder.
enum SitePath: Equatable {
    case file(String)
    /// A folder asked for without its trailing slash: relative links need it. Always a local path
    /// with a single leading slash, percent-encoded again.
    case redirect(String)
    case missing

    /// Percent-decoded, with empty segments (repeated slashes) dropped, folders to their
    /// `index.html`. Refused as missing: a segment starting with `.` (so `..`, and dotfiles such as
    /// `.git`), a backslash or a control character, and anything whose real path (symbolic links
    /// resolved) is outside `root`.
    static func resolve(_ requestPath: String, in root: String) -> SitePath {
        guard let decoded = requestPath.removingPercentEncoding else { return .missing }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard segments.allSatisfy(isServable) else { return .missing }
        let relative = segments.joined(separator: "/")
        let path = relative.isEmpty ? root : "\(root)/\(relative)"
        guard let realRoot = realPath(root), let real = realPath(path), isInside(real, realRoot) else {
            return .missing
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { return .missing }
        // The path as asked for, not the real one: a link's own name gives the content type.
        guard isDirectory.boolValue else { return .file(path) }
        guard decoded.hasSuffix("/") || relative.isEmpty else {
            return .redirect("/" + segments.map(encoded).joined(separator: "/") + "/")
        }
        let index = "\(path)/index.html"
        guard let realIndex = realPath(index), isInside(realIndex, realRoot) else { return .missing }
        return .file(index)
    }

    private static func isServable(_ segment: Substring) -> Bool {
        !segment.hasPrefix(".")
            && !segment.unicodeScalars.contains { $0 == "\\" || $0.properties.generalCategory == .control }
    }

    private static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The absolute path with every symbolic link resolved; nil if it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(
        CharacterSet(charactersIn: "/"))

    private static func encoded(_ segment: Substring) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? String(segment)
    }
}
