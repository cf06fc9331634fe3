import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// `herald init DIR`: scaffolds a new site that builds as it is.
package struct SiteInitializer: Sendable {
    package enum Failure: Error, Sendable, CustomStringConvertible {
        case notEmpty(String)

        package var description: String {
            switch self {
            case .notEmpty(let path):
                "\(path) is not empty; use --force to write the new site's files into it anyway"
            }
        }
    }

    let fileSystem: any FileSystem
    let writer: any ContentFileWriter

    package init(fileSystem: any FileSystem, writer: any ContentFileWriter) {
        self.fileSystem = fileSystem
        self.writer = writer
    }

    /// Writes the site into `directory` and returns the paths written. A folder that holds anything
    /// is refused unless `force`, which replaces the scaffold's own files and leaves others alone.
    package func initialize(_ directory: String, now: Date, force: Bool) throws -> [String] {
        if !force, !(try fileSystem.contentsOfDirectory(at: directory)).isEmpty {
            throw Failure.notEmpty(directory)
        }
        var written: [String] = []
        for (relative, contents) in SiteScaffold(now: now).files {
            let path = joinPath(directory, relative)
            if fileSystem.fileExists(at: path) {
                try writer.replaceFile(at: path, contents: contents, replacing: nil)
            } else {
                try writer.createNewFile(at: path, contents: contents)
            }
            written.append(path)
        }
        return written
    }
}
