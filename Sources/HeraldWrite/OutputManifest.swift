import Foundation
import HeraldCore

/// What Herald last published: for each output file, the key its bytes came from and the
/// identity of the file it wrote. Stored in the build cache as text, one file per line, with a
/// checksum line so a damaged manifest is ignored rather than trusted.
package struct OutputManifest: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var key: StableHash
        package var identity: FileIdentity
    }

    package var entries: [String: Entry] = [:]
    /// Identity of every folder of the output ("" is the output folder itself): while none has
    /// changed, no file was added to or removed from the output.
    package var directories: [String: FileIdentity] = [:]

    package init() {}

    package static let header = "herald-output-manifest 2"

    package func encoded() -> Data {
        var lines: [String] = []
        lines.reserveCapacity(entries.count)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            let id = entry.identity
            lines.append(
                "\(entry.key) \(id.device) \(id.inode) \(id.size) \(id.modifiedSeconds) \(id.modifiedNanoseconds) \(id.changedSeconds) \(id.changedNanoseconds) \(path)"
            )
        }
        for (path, id) in directories.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            lines.append(
                "d \(id.device) \(id.inode) \(id.size) \(id.modifiedSeconds) \(id.modifiedNanoseconds) \(id.changedSeconds) \(id.changedNanoseconds) \(path)"
            )
        }
        let body = lines.joined(separator: "\n")
        return Data("\(Self.header)\n\(StableHash.of(body))\n\(body)".utf8)
    }

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
