import Foundation
import HeraldCore

/// Notices changes under some folders: every file's path and identity (inode, size, modification
/// and change times), compared scan to scan. Where the kernel sends notices (`FolderNotifications`),
/// waiting costs nothing and only the paths they name are looked at again, so noticing a save
/// costs the same at any site size; elsewhere it scans every `interval`.
struct FolderWatcher: Sendable {
    /// What a scan saw; equal fingerprints mean nothing changed.
    struct Fingerprint: Equatable, Sendable {
        /// Path → what it names, links followed (nil when that cannot be read).
        var entries: [String: FileIdentity?] = [:]
    }

    let folders: [String]
    private let notifications: FolderNotifications?
    /// How often pending notices are read: a read that finds none costs a system call, so this
    /// can be short (the delay it adds to a reload is at most this).
    static let noticeCheck: Duration = .milliseconds(20)

    /// `notified: false` polls even where notices are available.
    init(folders: [String], notified: Bool = true) {
        self.folders = folders
        notifications = notified ? FolderNotifications(folders: folders) : nil
    }

    /// Hidden entries (an editor's swap and backup files, `.git`) at any depth are left out.
    ///
    /// With `readdir` and one `stat` per entry: Foundation's enumerator with its resource values
    /// took half a second at 10,000 incidents. With notices, only the first fingerprint and the
    /// one after an overflow are scans (one took 50 ms at 10,000 incidents; twice per save before).
    func scan() -> Fingerprint {
        var fingerprint = Fingerprint()
        for folder in folders {
            // The folder itself, so creating or removing it counts too.
            fingerprint.entries[folder] = FileIdentity.resolving(folder)?.identity
            fingerprint.addEntries(below: folder)
        }
        return fingerprint
    }

    /// `fingerprint` with each path `notices` name looked at again (what is below it too, when
    /// it is or was a folder): what `scan` would see, as long as the notices named every change.
    func updated(_ fingerprint: Fingerprint, by notices: FolderNotices) -> Fingerprint {
        guard !notices.overflowed else { return scan() }
        var updated = fingerprint
        for path in notices.paths {
            guard let folder = folders.first(where: { path == $0 || path.hasPrefix("\($0)/") }),
                !path.dropFirst(folder.count).split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            updated.look(at: path, isWatchedFolder: path == folder)
        }
        return updated
    }

    /// Waits until the folders change, then until they stop changing for `quiet` (editors often
    /// write a file in several steps), and returns the settled fingerprint.
    func nextChange(after previous: Fingerprint, every interval: Duration, quiet: Duration) async throws
        -> Fingerprint
    {
        guard let notifications else {
            return try await polledChange(after: previous, every: interval, quiet: quiet)
        }
        // Notices wait in the kernel's queue, so those of changes made since `previous` (during
        // a build) are read here.
        var current = previous
        while current == previous {
            var notices = notifications.drain()
            while notices.isEmpty {
                try await Task.sleep(for: Self.noticeCheck)
                notices = notifications.drain()
            }
            current = updated(current, by: notices)
        }
        while true {
            try await Task.sleep(for: quiet)
            let notices = notifications.drain()
            if notices.isEmpty { return current }
            current = updated(current, by: notices)
        }
    }

    private func polledChange(after previous: Fingerprint, every interval: Duration, quiet: Duration)
        async throws -> Fingerprint
    {
        var current = scan()
        while current == previous {
            try await Task.sleep(for: interval)
            current = scan()
        }
        while true {
            try await Task.sleep(for: quiet)
            let settled = scan()
            if settled == current { return settled }
            current = settled
        }
    }

}

extension FolderWatcher.Fingerprint {
    /// Every entry below `folder` but hidden ones (an editor's swap and backup files, `.git`).
    fileprivate mutating func addEntries(below folder: String) {
        let walk = DirectoryWalk.entries(below: folder)
        for relative in walk.files + walk.directories + walk.others
        where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let path = "\(folder)/\(relative)"
            entries[path] = FileIdentity.resolving(path)?.identity
        }
    }

    /// `path` as it is now: gone, a file, or a folder with what it holds; and the folder that
    /// holds it, whose modification time an entry made or removed changes.
    fileprivate mutating func look(at path: String, isWatchedFolder: Bool) {
        let resolved = FileIdentity.resolving(path)
        if resolved?.isDirectory != false {
            // Gone, or a folder (perhaps new, or made anew): nothing below it is known any more.
            let below = "\(path)/"
            entries = entries.filter { !$0.key.hasPrefix(below) }
        }
        var info = stat()
        if isWatchedFolder || lstat(path, &info) == 0 {
            // `scan` lists a watched folder even when it is missing, and an entry it cannot resolve.
            entries[path] = .some(resolved?.identity)
        } else {
            entries[path] = nil
        }
        if resolved?.isDirectory == true { addEntries(below: path) }
        if !isWatchedFolder, let slash = path.lastIndex(of: "/") {
            let holder = String(path[..<slash])
            if entries[holder] != nil { entries[holder] = .some(FileIdentity.resolving(holder)?.identity) }
        }
    }
}
