import HeraldCore

#if canImport(Glibc)
    import Glibc
    import Synchronization

    /// The kernel's notices of what changed under the watched folders (Linux `inotify`), so
    /// `FolderWatcher` waits on a read that costs nothing, and then looks again at the paths the
    /// notices name instead of at every file.
    ///
    /// Watches every folder below each watched one, and the folder above it, so creating or
    /// removing a watched folder is noticed too; a folder made later is watched (with every folder
    /// in it) as soon as its notice is read. A notice only says where to look: `FolderWatcher`
    /// compares what it sees, so notices of the folder above (a build's output swapped beside the
    /// content) cause no rebuild.
    final class FolderNotifications: Sendable {
        private let descriptor: Int32
        private let folders: [String]
        /// The folder each watch descriptor stands for.
        private let watched = Mutex<[Int32: String]>([:])

        private static let mask: UInt32 =
            UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE)
            | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF)
            | UInt32(IN_MOVE_SELF)

        /// The fixed part of a notice: watch descriptor, mask, cookie and the name's length.
        private static let headerSize = 16

        /// Nil where the kernel offers no notifications (then `FolderWatcher` polls).
        init?(folders: [String]) {
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            self.descriptor = descriptor
            self.folders = folders
            for folder in folders {
                let parent = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? "."
                watch(parent.isEmpty ? "/" : parent)
                watchTree(folder)
            }
        }

        deinit { close(descriptor) }

        /// Reads every pending notice. Folders made since are watched too.
        func drain() -> FolderNotices {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var notices = FolderNotices()
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                buffer.withUnsafeBytes { bytes in
                    var offset = 0
                    while offset + Self.headerSize <= count {
                        let descriptor = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                        let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                        let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                        let name = bytes[
                            (offset + Self.headerSize)..<min(offset + Self.headerSize + length, count)]
                        offset += Self.headerSize + length
                        note(
                            descriptor: descriptor, mask: mask, name: name.prefix { $0 != 0 }, into: &notices)
                    }
                }
            }
            return notices
        }

        private func note(
            descriptor: Int32, mask: UInt32, name: Slice<UnsafeRawBufferPointer>,
            into notices: inout FolderNotices
        ) {
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                notices.overflowed = true
                return
            }
            if mask & UInt32(IN_IGNORED) != 0 {
                _ = watched.withLock { $0.removeValue(forKey: descriptor) }
                return
            }
            guard let folder = watched.withLock({ $0[descriptor] }) else {
                // A watch this process no longer knows of: look everywhere.
                notices.overflowed = true
                return
            }
            let path = name.isEmpty ? folder : "\(folder)/\(String(decoding: name, as: UTF8.self))"
            notices.paths.insert(path)
            let madeFolder =
                mask & UInt32(IN_ISDIR) != 0 && mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0
            if madeFolder, folders.contains(where: { path == $0 || path.hasPrefix("\($0)/") }) {
                watchTree(path)
            }
        }

        /// `folder` and every folder below it. Adding a watch a folder already has changes nothing.
        private func watchTree(_ folder: String) {
            guard watch(folder) else { return }
            for directory in DirectoryWalk.entries(below: folder).directories {
                watch("\(folder)/\(directory)")
            }
        }

        @discardableResult
        private func watch(_ folder: String) -> Bool {
            let watch = inotify_add_watch(descriptor, folder, Self.mask)
            guard watch >= 0 else { return false }
            watched.withLock { $0[watch] = folder }
            return true
        }
    }
#else
    /// No notifications on this system: `FolderWatcher` polls.
    final class FolderNotifications: Sendable {
        init?(folders: [String]) { return nil }
        func drain() -> FolderNotices { FolderNotices() }
    }
#endif
