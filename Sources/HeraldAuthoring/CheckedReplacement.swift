import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad

/// The last steps of every command that edits a content file in place (`update`, `postmortem`):
/// read it, edit its text, check the result with the whole site, and replace the file only if it
/// still holds the bytes that were read.
struct CheckedReplacement {
    let site: AuthoringSite
    let writer: any ContentFileWriter

    /// Replaces the file at `path` with `edit` of its text; nothing is written if the result would
    /// not validate (`UpdateFailure.invalid`) or the file changed meanwhile (`.changed`).
    func replace(at path: String, _ edit: (String) throws -> String) throws {
        let originalBytes = try site.fileSystem.readFile(at: path)
        guard let original = String(data: originalBytes, encoding: .utf8) else {
            throw UpdateFailure.unreadable(path)
        }
        let data = Data(try edit(original).utf8)
        let problems = try site.diagnostics(ifFileAt: path, held: data).filter { $0.severity == .error }
        guard problems.isEmpty else { throw UpdateFailure.invalid(problems) }
        do {
            try writer.replaceFile(at: path, contents: data, replacing: originalBytes)
        } catch let change as ContentChanged {
            throw UpdateFailure.changed(change)
        }
    }
}
