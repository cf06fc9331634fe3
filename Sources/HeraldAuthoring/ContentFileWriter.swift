import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// The writes authoring commands make, kept apart from the read-only `FileSystem` the build uses.
package protocol ContentFileWriter: Sendable {
    /// Creates `path` (and its folder) holding `data`; fails when the file already exists.
    func createNewFile(at path: String, contents data: Data) throws
    /// Replaces the file at `path` with `data`, so readers see the old bytes or the new, never a
    /// mix. With `original`, the file must still hold exactly those bytes when it is replaced:
    /// otherwise nothing is written and `ContentChanged` is thrown, so a save made by an editor
    /// while Herald was validating is never overwritten.
    func replaceFile(at path: String, contents data: Data, replacing original: Data?) throws
}

/// The file changed between being read and being replaced: nothing was written.
package struct ContentChanged: Error, Sendable, CustomStringConvertible {
    package var path: String

    package var description: String {
        "\(path) changed while updating, so nothing was written; run the command again"
    }
}

extension LocalFileSystem: ContentFileWriter {
    package func createNewFile(at path: String, contents data: Data) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .withoutOverwriting)
    }

    package func replaceFile(at path: String, contents data: Data, replacing original: Data?) throws {
        try FileReplacement(path: path).replace(with: data, expecting: original)
    }
}
