import Foundation

/// Notices changes under some folders by polling: every file's path, size and modification time.
/// Polling works the same on every platform and file system, and a site is small enough to scan
/// several times a second.
struct FolderWatcher: Sendable {
    /// What a scan saw; equal fingerprints mean nothing changed.
    struct Fingerprint: Equatable, Sendable {
        var entries: [String: [Double]] = [:]
    }

    let folders: [String]

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
