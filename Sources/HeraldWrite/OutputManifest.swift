import Foundation
import HeraldCore

/// What Herald last published: for each output file, the key its bytes came from and the
/// identity of the file it wrote. The build cache stores it (`OutputManifestFile.swift` in
/// HeraldBuild); publication reads it to link unchanged files and returns the new one.
package struct OutputManifest: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var key: StableHash
        package var identity: FileIdentity

        package init(key: StableHash, identity: FileIdentity) {
            self.key = key
            self.identity = identity
        }
    }

    package var entries: [String: Entry] = [:]
    /// Identity of every folder of the output ("" is the output folder itself): while none has
    /// changed, no file was added to or removed from the output.
    package var directories: [String: FileIdentity] = [:]

    package init() {}

    /// Every folder of the output still has its recorded identity, so no file was added to or
    /// removed from it since; false for an empty manifest.
    package func foldersAreIntact(in outputDirectory: String, on disk: any WritableFileSystem) -> Bool {
        !directories.isEmpty
            && ParallelMap.map(Array(directories)) { path, identity in
                disk.identity(
                    at: path.isEmpty ? outputDirectory : "\(outputDirectory)/\(path)", directory: true)
                    == identity
            }.allSatisfy { $0 }
    }

    /// Every file of the output still is the one Herald wrote: its identity is as recorded.
    package func filesAreIntact(in outputDirectory: String, on disk: any WritableFileSystem) -> Bool {
        ParallelMap.map(Array(entries)) { path, entry in
            disk.identity(at: "\(outputDirectory)/\(path)", directory: false) == entry.identity
        }.allSatisfy { $0 }
    }
}
