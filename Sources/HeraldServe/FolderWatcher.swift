import Foundation

/// Notices changes under some folders: every file's path, size and modification time, compared
/// scan to scan. Where the kernel sends notices (`FolderNotifications`), a scan is made only after
/// one, so waiting costs nothing at any site size; elsewhere it scans every `interval`.
struct FolderWatcher: Sendable {
    /// What a scan saw; equal fingerprints mean nothing changed.
    struct Fingerprint: Equatable, Sendable {
        var entries: [String: [Double]] = [:]
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

    func scan() -> Fingerprint {
        var fingerprint = Fingerprint()
        let manager = FileManager.default
        for folder in folders {
            let root = URL(fileURLWithPath: folder)
            // The folder itself, so creating or removing it counts too.
            fingerprint.entries[folder] = Self.stamp(root)
            guard
                let enumerator = manager.enumerator(
                    at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey],
                    options: [.skipsHiddenFiles])
            else { continue }
            for case let url as URL in enumerator {
                fingerprint.entries[url.path] = Self.stamp(url)
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

    private static func stamp(_ url: URL) -> [Double] {
        let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
        return [values?.contentModificationDate?.timeIntervalSince1970 ?? -1, Double(values?.fileSize ?? -1)]
    }
}
