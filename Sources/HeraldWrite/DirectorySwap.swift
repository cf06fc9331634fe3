import CAtomicSwap
import Foundation
import HeraldCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts a finished site folder in place of the output folder, so readers see either the old
/// site or the new one, never a mix.
///
/// What the old output holds that is not Herald's to replace goes into the new one first: its
/// preserved top-level entries (`.git`, `.nojekyll`, `CNAME`: see `OutputOwnership`) are moved,
/// and the files it keeps are hard-linked (copied where a link cannot be made), so they stay in
/// the live output until the swap. The swap is one `renameat2(RENAME_EXCHANGE)`; where that is
/// unavailable (another OS or file system) it falls back to three renames, with a moment in
/// which the output folder does not exist.
package enum DirectorySwap {
    /// Replaces `output` by `replacement`. Afterwards the old output, if there was one, is at
    /// `replacement`'s path, and the function returns true.
    static func replace(_ output: String, with replacement: String, keeping kept: Set<String> = [])
        throws(OutputPublisher.Failure) -> Bool
    {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output) else {
            do {
                try manager.moveItem(atPath: replacement, toPath: output)
            } catch {
                throw .io(output, error)
            }
            return false
        }
        for name in (try? manager.contentsOfDirectory(atPath: output)) ?? []
        where OutputOwnership.isPreserved(topLevel: name) && name != OutputMarker.name {
            try? manager.moveItem(atPath: "\(output)/\(name)", toPath: "\(replacement)/\(name)")
        }
        for path in kept.sorted() { try carry(path, from: output, into: replacement) }
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

    /// Moves back into `output` the preserved top-level entries that a build killed between
    /// moving them and the swap left in `replacement` (a spare tree or staging folder from an
    /// earlier build), so they are never lost with it.
    package static func rescue(from replacement: String, into output: String) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output) else { return }
        for name in (try? manager.contentsOfDirectory(atPath: replacement)) ?? []
        where OutputOwnership.isPreserved(topLevel: name) && name != OutputMarker.name
            && RegularFile.kind("\(output)/\(name)") == .absent
        {
            try? manager.moveItem(atPath: "\(replacement)/\(name)", toPath: "\(output)/\(name)")
        }
    }

    /// Links (or copies) the kept file `path` of `output` into `replacement`.
    private static func carry(_ path: String, from output: String, into replacement: String)
        throws(OutputPublisher.Failure)
    {
        let source = "\(output)/\(path)"
        let target = "\(replacement)/\(path)"
        let folder = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            unlink(target)
            if link(source, target) != 0 { try FileManager.default.copyItem(atPath: source, toPath: target) }
        } catch {
            throw .io(target, error)
        }
    }
}
