import Foundation

/// The rendered entries of one kind of item by slug, each rendered by this build or still in the
/// bytes the Markdown memo kept it in (`MemoizedEntry`), which are read only when a page, feed
/// or calendar asks for the entry: an edit at 10,000 incidents renders a few dozen pages, and
/// reading every entry's strings was most of its Markdown stage.
package struct RenderedEntries: Sendable {
    private var slots: [String: MemoizedEntry]

    package init(_ entries: [String: RenderedEntry] = [:]) {
        slots = entries.mapValues(MemoizedEntry.rendered)
    }

    init(slots: [String: MemoizedEntry]) {
        self.slots = slots
    }

    package subscript(slug: String) -> RenderedEntry? {
        get { slots[slug]?.entry }
        set { slots[slug] = newValue.map(MemoizedEntry.rendered) }
    }
}

/// An item's rendered Markdown as a build holds it: rendered, or as the memo's bytes
/// (`RenderedEntryBytes`), checked when read from the memo file so that they always read back.
/// Equal when they hold the same entry, in whichever form.
package enum MemoizedEntry: Sendable, Equatable {
    case rendered(RenderedEntry)
    case encoded(Data)

    package static func == (lhs: MemoizedEntry, rhs: MemoizedEntry) -> Bool {
        switch (lhs, rhs) {
        case (.rendered(let left), .rendered(let right)): left == right
        default: lhs.bytes == rhs.bytes
        }
    }

    /// The memo file's record of an entry; nil for bytes that do not hold one (a miss).
    package init?(record: Data) {
        guard record.withUnsafeBytes(RenderedEntryBytes.isEntry) else { return nil }
        self = .encoded(record)
    }

    package var entry: RenderedEntry {
        switch self {
        case .rendered(let entry): return entry
        case .encoded(let data):
            // Checked on reading (`init(record:)`); an empty entry could only come of a bug.
            return data.withUnsafeBytes(RenderedEntryBytes.decode)
                ?? RenderedEntry(bodyHTML: "", updatesHTML: [:], questions: [], summary: "")
        }
    }

    /// The bytes the memo file keeps it as.
    package var bytes: Data {
        switch self {
        case .rendered(let entry): RenderedEntryBytes.encode(entry)
        case .encoded(let data): data
        }
    }
}
