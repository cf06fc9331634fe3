import Foundation
import HeraldCore

/// Everything publication does to a disk, so the write stage can run against memory in tests
/// (`HeraldTestSupport.MemoryDisk`) and against the real disk (`LocalFileSystem`) in builds.
///
/// No operation follows a symbolic link at the path it is given: publication never writes
/// through a link, and removing a link removes the link.
package protocol WritableFileSystem: Sendable {
    /// What is at `path`.
    func kind(at path: String) -> RegularFile.Kind
    /// The identity of the regular file (or, with `directory`, the folder) at `path`.
    func identity(at path: String, directory: Bool) -> FileIdentity?
    /// The names of a folder's entries, hidden ones included; empty when it cannot be read.
    func names(in directory: String) -> [String]
    /// Relative paths of the regular files, the folders and everything else below `root`, the
    /// top-level hidden entries skipped (see `DirectoryWalk.entries`).
    func entries(below root: String) -> (files: [String], directories: [String], others: [String])
    /// The bytes of the regular file at `path`; nil for anything else.
    func contentsOfRegularFile(at path: String) -> Data?
    /// Creates the file `path`, which must not exist yet, in an existing folder.
    func createFile(at path: String, contents: Data) throws(FileOperationError)
    /// Creates the folder `path` and any missing parents; safe from several threads at once.
    func createDirectories(at path: String) throws(FileOperationError)
    /// Removes the file or link at `path`, if there is one.
    func removeFile(at path: String)
    /// Removes the folder at `path` if it is empty.
    func removeEmptyDirectory(at path: String)
    /// Removes whatever is at `path`: a folder with everything in it, a link itself.
    func removeItem(at path: String) throws(FileOperationError)
    /// Gives the file at `existing` the new name `path` (a hard link).
    func link(_ existing: String, at path: String) throws(FileOperationError)
    /// Copies the file at `source` to the new file `destination`.
    func copyFile(_ source: String, to destination: String) throws(FileOperationError)
    /// Renames `source` to `destination`, which must not exist.
    func move(_ source: String, to destination: String) throws(FileOperationError)
    /// Exchanges the two paths in one step; false, with nothing changed, where the system
    /// cannot do that.
    func exchange(_ first: String, _ second: String) -> Bool
}
