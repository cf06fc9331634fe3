import Foundation
import HeraldCore

/// The rendered entries of one kind of item by slug, each rendered by this build or still in the
/// Markdown memo (`MemoizedEntry`), which is read only when a page, feed or calendar asks for the
/// entry: an edit at 10,000 incidents renders a few dozen pages, and reading every entry's
/// strings was most of its Markdown stage.
package struct RenderedEntries: Sendable {
    private var slots: [String: Slot]

    /// An entry, and for one of the memo file, what renders it when its record does not read back.
    struct Slot: Sendable {
        var entry: MemoizedEntry
        var render: (@Sendable () -> RenderedEntry)? = nil
    }

    package init(_ entries: [String: RenderedEntry] = [:]) {
        slots = entries.mapValues { Slot(entry: .rendered($0)) }
    }

    init(slots: [String: Slot]) {
        self.slots = slots
    }

    package subscript(slug: String) -> RenderedEntry? {
        get { slots[slug].flatMap { $0.entry.entry ?? $0.render?() } }
        set { slots[slug] = newValue.map { Slot(entry: .rendered($0)) } }
    }
}

/// An item's rendered Markdown as a build holds it: rendered, or as a record of the memo
/// (`RenderedEntryBytes`), decoded when the entry is asked for. Equal when they hold the same
/// entry, in whichever form.
package enum MemoizedEntry: Sendable, Equatable {
    case rendered(RenderedEntry)
    case recorded(MemoRecord)

    package static func == (lhs: MemoizedEntry, rhs: MemoizedEntry) -> Bool {
        switch (lhs, rhs) {
        case (.rendered(let left), .rendered(let right)): left == right
        case (.recorded(let left), .recorded(let right)): left == right
        default: lhs.bytes == rhs.bytes
        }
    }

    /// The entry; nil for a record that does not read back (a miss).
    package var entry: RenderedEntry? {
        switch self {
        case .rendered(let entry): entry
        case .recorded(let record): record.data?.withUnsafeBytes(RenderedEntryBytes.decode)
        }
    }

    /// The bytes the memo file keeps it as; nil for a record that does not read back.
    package var bytes: Data? {
        switch self {
        case .rendered(let entry): RenderedEntryBytes.encode(entry)
        case .recorded(let record): record.data
        }
    }
}
