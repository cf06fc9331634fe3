import Foundation
import HeraldCore

/// A file system that reads the real disk its own way (`readFile`, to note or disturb reads)
/// and lists it as `base` does.
package protocol DiskWrapper: FileSystem {
    var base: LocalFileSystem { get }
}

extension DiskWrapper {
    package func contentsOfDirectory(at path: String) throws -> [String] {
        try base.contentsOfDirectory(at: path)
    }
    package func isDirectory(at path: String) -> Bool { base.isDirectory(at: path) }
    package func fileExists(at path: String) -> Bool { base.fileExists(at: path) }
    package func files(below directory: String) -> FolderListing { base.files(below: directory) }
}
