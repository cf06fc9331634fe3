import Foundation
import HeraldCore

/// Puts a finished site folder in place of the output folder, so readers see either the old
/// site or the new one, never a mix.
///
/// What the old output holds that is not Herald's to replace goes into the new one first: its
/// preserved top-level entries (`.git`, `.nojekyll`, `CNAME`: see `OutputOwnership`) are moved,
/// and the files it keeps are hard-linked (copied where a link cannot be made), so they stay in
/// the live output until the swap. The swap is one `exchange` (`renameat2(RENAME_EXCHANGE)` on
/// the real disk); where that is unavailable (another OS or file system) it falls back to three
/// renames, with a moment in which the output folder does not exist.
package struct DirectorySwap {
    let disk: any WritableFileSystem

    package init(disk: any WritableFileSystem) {
        self.disk = disk
    }

    /// Replaces `output` by `replacement`. Afterwards the old output, if there was one, is at
    /// `replacement`'s path, and the function returns true.
    func replace(_ output: String, with replacement: String, keeping kept: Set<String> = [])
        throws(OutputPublisher.Failure) -> Bool
    {
        guard disk.kind(at: output) != .absent else {
            try io(output) { () throws(FileOperationError) in try disk.move(replacement, to: output) }
            return false
        }
        for name in disk.names(in: output)
        where OutputOwnership.isPreserved(topLevel: name) && name != OutputMarker.name {
            try? disk.move("\(output)/\(name)", to: "\(replacement)/\(name)")
        }
        for path in kept.sorted() { try carry(path, from: output, into: replacement) }
        guard !disk.exchange(replacement, output) else { return true }
        let old = replacement + "-old"
        try io(output) { () throws(FileOperationError) in
            try? disk.removeItem(at: old)
            try disk.move(output, to: old)
            try disk.move(replacement, to: output)
            try disk.move(old, to: replacement)
        }
        return true
    }

    /// Moves back into `output` the preserved top-level entries that a build killed between
    /// moving them and the swap left in `replacement` (a spare tree or staging folder from an
    /// earlier build), so they are never lost with it.
    package func rescue(from replacement: String, into output: String) {
        guard disk.kind(at: output) != .absent else { return }
        for name in disk.names(in: replacement)
        where OutputOwnership.isPreserved(topLevel: name) && name != OutputMarker.name
            && disk.kind(at: "\(output)/\(name)") == .absent
        {
            try? disk.move("\(replacement)/\(name)", to: "\(output)/\(name)")
        }
    }

    /// Links (or copies) the kept file `path` of `output` into `replacement`.
    private func carry(_ path: String, from output: String, into replacement: String)
        throws(OutputPublisher.Failure)
    {
        let source = "\(output)/\(path)"
        let target = "\(replacement)/\(path)"
        try io(target) { () throws(FileOperationError) in
            try disk.createDirectories(at: (target as NSString).deletingLastPathComponent)
            disk.removeFile(at: target)
            if (try? disk.link(source, at: target)) == nil { try disk.copyFile(source, to: target) }
        }
    }
}

/// Runs `body`, reporting a failed file operation as publication's `io` failure at `path`.
func io(_ path: String, _ body: () throws(FileOperationError) -> Void) throws(OutputPublisher.Failure) {
    do {
        try body()
    } catch {
        throw .io(path, POSIXError(POSIXErrorCode(rawValue: error.code) ?? .EIO))
    }
}
