import CAtomicSwap
import Foundation

/// Puts a finished site folder in place of the output folder, so readers see either the old
/// site or the new one, never a mix.
///
/// Hidden entries at the top of the old output (`.git`, `.gitkeep`, `.nojekyll`) are moved into
/// the new one first, so publishing checkouts keep working. The swap is one
/// `renameat2(RENAME_EXCHANGE)`; where that is unavailable (another OS or file system) it falls
/// back to three renames, with a moment in which the output folder does not exist.
enum DirectorySwap {
    /// Replaces `output` by `replacement`. Afterwards the old output, if there was one, is at
    /// `replacement`'s path, and the function returns true.
    static func replace(_ output: String, with replacement: String) throws(OutputPublisher.Failure) -> Bool {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output) else {
            do {
                try manager.moveItem(atPath: replacement, toPath: output)
            } catch {
                throw .io(output, error)
            }
            return false
        }
        for name in (try? manager.contentsOfDirectory(atPath: output)) ?? [] where name.hasPrefix(".") {
            try? manager.moveItem(atPath: "\(output)/\(name)", toPath: "\(replacement)/\(name)")
        }
        guard herald_exchange_paths(replacement, output) != 0 else { return true }
        let old = replacement + "-old"
        do {
            try? manager.removeItem(atPath: old)
            try manager.moveItem(atPath: output, toPath: old)
            try manager.moveItem(atPath: replacement, toPath: output)
            try manager.moveItem(atPath: old, toPath: replacement)
        } catch {
            throw .io(output, error)
        }
        return true
    }
}
