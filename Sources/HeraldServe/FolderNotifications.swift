import HeraldCore

#if canImport(Glibc)
    import Glibc

    /// The kernel's notice that something under the watched folders changed (Linux `inotify`), so
    /// `FolderWatcher` waits on a read that costs nothing instead of scanning every file each time.
    ///
    /// Watches every folder below each watched one, and the folder above it, so creating or
    /// removing a watched folder is noticed too; folders made later are watched as soon as a
    /// notice arrives. A notice only says "look": `FolderWatcher` compares scans, so events of
    /// the folder above (a build's output swapped beside the content) cause no rebuild.
    final class FolderNotifications: Sendable {
        private let descriptor: Int32
        private let folders: [String]

        private static let mask: UInt32 =
            UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MODIFY) | UInt32(IN_CLOSE_WRITE)
            | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF)
            | UInt32(IN_MOVE_SELF)

        /// Nil where the kernel offers no notifications (then `FolderWatcher` polls).
        init?(folders: [String]) {
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            self.descriptor = descriptor
            self.folders = folders
            watchEveryFolder()
        }

        deinit { close(descriptor) }

        /// Reads every pending notice; whether there was any. Folders made since are watched too.
        func drain() -> Bool {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var any = false
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                any = true
            }
            if any { watchEveryFolder() }
            return any
        }

        /// Adding a watch a folder already has changes nothing, so this may run again and again.
        private func watchEveryFolder() {
            for folder in folders {
                let parent = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? "."
                inotify_add_watch(descriptor, parent.isEmpty ? "/" : parent, Self.mask)
                guard inotify_add_watch(descriptor, folder, Self.mask) >= 0 else { continue }
                for directory in DirectoryWalk.entries(below: folder).directories {
                    inotify_add_watch(descriptor, "\(folder)/\(directory)", Self.mask)
                }
            }
        }
    }
#else
    /// No notifications on this system: `FolderWatcher` polls.
    final class FolderNotifications: Sendable {
        init?(folders: [String]) { return nil }
        func drain() -> Bool { false }
    }
#endif
