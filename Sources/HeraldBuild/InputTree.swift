import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldMarkdown
import HeraldRender
import HeraldTemplates
import HeraldValidate
import HeraldWrite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every file and folder below an input folder (content or templates) with its identity, as
/// `InputFingerprint` hashes them: hidden entries too, and symbolic links followed the way the
/// loaders follow them, so whatever a loader could read is covered. Folders are listed too: a
/// folder's modification time changes when an entry is added, removed or renamed.
struct InputTree: Sendable {
    struct Entry: Sendable {
        /// Relative to the tree's root; "" is the root itself.
        var path: String
        var file: ResolvedFile
    }

    /// Sorted by path.
    var entries: [Entry]

    /// A folder that is not there: no entries.
    static let absent = InputTree(entries: [])

    private init(entries: [Entry]) {
        self.entries = entries
    }

    /// Nil when the tree cannot be fully identified: the root is not a folder, a folder cannot
    /// be read, an entry is neither a file nor a folder (a dangling link, a socket) or a folder
    /// is reached twice (links forming a loop). The caller then takes no fast path.
    init?(root: String) {
        guard let top = FileIdentity.resolving(root), top.isDirectory else { return nil }
        var entries = [Entry(path: "", file: top)]
        var visited: Set<[UInt64]> = [[top.identity.device, top.identity.inode]]
        var files: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let children = DirectoryWalk.children(of: relative.isEmpty ? root : "\(root)/\(relative)")
            else { return nil }
            for (name, type) in children {
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                // Regular files are identified below, in parallel; everything else now, to know
                // whether to descend into it.
                if type == UInt8(DT_REG) {
                    files.append(child)
                    continue
                }
                guard let resolved = FileIdentity.resolving("\(root)/\(child)") else { return nil }
                entries.append(Entry(path: child, file: resolved))
                if resolved.isDirectory {
                    let folder = [resolved.identity.device, resolved.identity.inode]
                    guard visited.insert(folder).inserted else { return nil }
                    pending.append(child)
                }
            }
        }
        let identities = ParallelMap.map(files) { FileIdentity.resolving("\(root)/\($0)") }
        for (path, resolved) in zip(files, identities) {
            guard let resolved, !resolved.isDirectory else { return nil }
            entries.append(Entry(path: path, file: resolved))
        }
        self.entries = entries.sorted { $0.path < $1.path }
    }
}
