import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The records of a file held open, each read from its place only when it is asked for and
/// checked against the hash of its bytes that the file's index gives. A memo of a large archive
/// (hundreds of megabytes at 50,000 incidents), of which a build reads a few records or one at a
/// time, is so never held whole. `MemoFile` lays the file out. The file may be replaced
/// meanwhile: the open descriptor goes on reading the one that was indexed.
package final class StoredRecords: Sendable {
    /// Where a record's bytes are, and the hash they must have.
    package struct Place: Sendable, Equatable {
        package var offset: Int
        package var length: Int
        package var checksum: StableHash

        package init(offset: Int, length: Int, checksum: StableHash) {
            self.offset = offset
            self.length = length
            self.checksum = checksum
        }
    }

    private let descriptor: Int32
    /// Each record's place, by its key.
    package let places: [StableHash: Place]

    /// Takes `descriptor` over: it is closed when the records go.
    package init(descriptor: Int32, places: [StableHash: Place]) {
        self.descriptor = descriptor
        self.places = places
    }

    deinit { close(descriptor) }

    /// Every record, each to be read when its bytes are asked for (`MemoRecord.stored`): the one
    /// table the memos' readers keep, made once from the index.
    package var records: [StableHash: MemoRecord] {
        Dictionary(
            uniqueKeysWithValues: places.keys.map { ($0, .stored(StoredRecord(records: self, key: $0))) })
    }

    /// The bytes of the record `key`; nil when there is none, when they cannot be read, or when
    /// they do not have the hash the index gives (a miss).
    package func bytes(of key: StableHash) -> Data? {
        guard let place = places[key],
            let data = Self.read(place.length, at: place.offset, from: descriptor),
            Self.checksum(of: data) == place.checksum
        else { return nil }
        return data
    }

    /// `count` bytes at `offset` of the open file `descriptor`; nil when fewer could be read.
    package static func read(_ count: Int, at offset: Int, from descriptor: Int32) -> Data? {
        var data = Data(count: count)
        let read = data.withUnsafeMutableBytes { buffer -> Int in
            var done = 0
            while done < count, let base = buffer.baseAddress {
                let chunk = pread(descriptor, base + done, count - done, off_t(offset + done))
                if chunk < 0 && errno == EINTR { continue }
                guard chunk > 0 else { break }
                done += chunk
            }
            return done
        }
        return read == count ? data : nil
    }

    /// The hash a record's bytes are checked against.
    package static func checksum(of bytes: UnsafeRawBufferPointer) -> StableHash {
        var hasher = StableHasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }

    package static func checksum(of data: Data) -> StableHash {
        data.withUnsafeBytes(checksum(of:))
    }
}

/// One record of a `StoredRecords` file, read when its bytes are asked for. Equal to another of
/// the same file and key without reading either.
package struct StoredRecord: Sendable, Equatable {
    package let records: StoredRecords
    package let key: StableHash

    /// Its bytes; nil when they cannot be read or are not the ones indexed (a miss).
    package var bytes: Data? { records.bytes(of: key) }

    package static func == (lhs: StoredRecord, rhs: StoredRecord) -> Bool {
        lhs.key == rhs.key && (lhs.records === rhs.records || lhs.bytes == rhs.bytes)
    }
}
