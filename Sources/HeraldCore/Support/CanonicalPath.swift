import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths compared as the file system sees them, so `Output`, `./Output/`, `../site/Output` and a
/// link to it are recognised as one folder.
package enum CanonicalPath {
    /// `path` made absolute against `workingDirectory`, with symbolic links, `.` and `..`
    /// resolved in the part that exists, and `.` and `..` folded in the part that does not.
    package static func of(_ path: String, workingDirectory: String) -> String {
        let absolute = path.hasPrefix("/") ? path : "\(workingDirectory)/\(path)"
        var missing: [Substring] = []
        var existing = absolute
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                return fold(String(cString: resolved), appending: missing.reversed())
            }
            guard let slash = existing.lastIndex(of: "/"), existing != "/" else {
                return fold("/", appending: missing.reversed())
            }
            missing.append(existing[existing.index(after: slash)...])
            existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
        }
    }

    /// Whether `path` is `ancestor` or lies below it (both canonical).
    package static func isSame(_ path: String, orInside ancestor: String) -> Bool {
        path == ancestor || path.hasPrefix(ancestor == "/" ? "/" : ancestor + "/")
    }

    private static func fold(_ base: String, appending parts: [Substring]) -> String {
        var components = base.split(separator: "/").map(String.init)
        for part in parts {
            switch part {
            case "", ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(part))
            }
        }
        return "/" + components.joined(separator: "/")
    }
}
