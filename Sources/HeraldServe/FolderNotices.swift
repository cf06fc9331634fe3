/// What the kernel's notices named since they were last read (`FolderNotifications.drain`).
struct FolderNotices: Sendable, Equatable {
    /// Each path a notice named: an entry of a watched folder (or of the folder above one), or
    /// the folder itself when the notice was about it.
    var paths: Set<String> = []
    /// The kernel dropped notices (its queue overflowed): anything may have changed.
    var overflowed = false

    var isEmpty: Bool { paths.isEmpty && !overflowed }
}
