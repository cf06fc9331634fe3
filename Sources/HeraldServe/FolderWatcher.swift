import Foundation
import HeraldCore

/// Notices changes under some folders: every file's path and identity (inode, size, modification
/// and change times), compared scan to scan. Where the kernel sends notices (`FolderNotifications`), a scan is made only after
/// one, so waiting costs nothing at any site size; elsewhere it scans every `interval`.
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
    /// took half a second at 10,000 incidents, and a change is scanned twice before a rebuild.
    func scan() -> Fingerprint {
        var fingerprint = Fingerprint()
        for folder in folders {
            // The folder itself, so creating or removing it counts too.
            fingerprint.entries[folder] = FileIdentity.resolving(folder)?.identity
            let walk = DirectoryWalk.entries(below: folder)
            for relative in walk.files + walk.directories + walk.others
            where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                let path = "\(folder)/\(relative)"
                fingerprint.entries[path] = FileIdentity.resolving(path)?.identity
            }
        }
        return fingerprint
    }

    /// Waits until the folders change, then until they stop changing for `quiet` (editors often
    /// write a file in several steps), and returns the settled fingerprint.
    func nextChange(after previous: Fingerprint, every interval: Duration, quiet: Duration) async throws
        -> Fingerprint
    {
        guard let notifications else {
            return try await polledChange(after: previous, every: interval, quiet: quiet)
        }
        // A change made before the first notice could arrive shows in this scan.
        var current = scan()
        while current == previous {
            while !notifications.drain() { try await Task.sleep(for: Self.noticeCheck) }
            current = scan()
        }
        repeat { try await Task.sleep(for: quiet) } while notifications.drain()
        return scan()
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
