import Foundation

/// A record of a build cache memo as a build holds it: bytes in memory (made by this build, or
/// by an earlier one of the same process), or a record of the memo file, read only when its
/// bytes are asked for. Equal when they hold the same bytes.
package enum MemoRecord: Sendable, Equatable {
    case bytes(Data)
    case stored(StoredRecord)

    /// Its bytes; nil for a record of the memo file that does not read back (a miss).
    package var data: Data? {
        switch self {
        case .bytes(let data): data
        case .stored(let record): record.bytes
        }
    }

    package static func == (lhs: MemoRecord, rhs: MemoRecord) -> Bool {
        switch (lhs, rhs) {
        case (.stored(let left), .stored(let right)): left == right
        default: lhs.data == rhs.data
        }
    }
}
