import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// A file system that shows some files as they would be after a change, over another one, so a
/// change can be validated with the rest of the site before anything is written.
struct OverlayFileSystem: FileSystem {
    let base: any FileSystem
    /// Path (as the loader builds it) → the bytes it would hold.
    let overlay: [String: Data]

    func readFile(at path: String) throws -> Data {
        if let data = overlay[path] { return data }
        return try base.readFile(at: path)
    }

    func contentsOfDirectory(at path: String) throws -> [String] {
        var names = Set(try base.contentsOfDirectory(at: path))
        for key in overlay.keys where Self.folder(of: key) == path {
            names.insert(String(key.dropFirst(path.count + 1)))
        }
        return names.sorted()
    }

    func isDirectory(at path: String) -> Bool {
        base.isDirectory(at: path) || overlay.keys.contains { $0.hasPrefix(path + "/") }
    }

    func fileExists(at path: String) -> Bool {
        overlay[path] != nil || base.fileExists(at: path) || isDirectory(at: path)
    }

    func files(below directory: String) -> FolderListing {
        var listing = base.files(below: directory)
        let prefix = directory + "/"
        let added = overlay.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        let files = Set(listing.files).union(added.filter { !FolderListing.isHidden($0) })
        listing.files = FolderListing.walkOrder(Array(files))
        return listing
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
