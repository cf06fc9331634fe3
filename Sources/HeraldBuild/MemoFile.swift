import Foundation
import HeraldCore
import HeraldMarkdown

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A memo on disk (`markdown.bin`, `parses.bin`, `files.bin`): a header naming the memo and the
/// cache version, the records' bytes one after another, then an index of every record (its
/// 16-byte key, 8-byte offset, 4-byte length and the 16-byte hash of its bytes), and last the
/// index's offset and the hash of the index. The index is read when the memo is opened, a
/// record only when it is asked for (`StoredRecords`). A file whose header, index or end does not
/// check out (another memo or version, a bad hash, truncated) reads as an empty memo; a record
/// whose bytes do not, as a miss.
struct MemoFile {
    let magic: Data
    /// The file's name in the cache folder.
    let fileName: String

    init(_ name: String, fileName: String) {
        magic = Data("herald-\(name)-memo\n".utf8)
        self.fileName = fileName
    }

    func path(inCache directory: String) -> String { "\(directory)/\(fileName)" }

    /// The magic and the cache version; the records follow.
    private var headerSize: Int { magic.count + 16 }
    /// A record's key, offset, length and hash in the index.
    private static let indexEntrySize = 44
    /// The index's offset and hash, at the end of the file.
    private static let trailerSize = 24

    /// Writes the memo to `path` (`CacheFile.replace`): the header, then record by record
    /// through a small buffer, then the index. A memo of a large archive is hundreds of
    /// megabytes; made whole in memory first, it was the peak of a cold build at 50,000
    /// incidents (its records and its bytes held at once). A value whose `bytes` are nil (a
    /// stored record that no longer reads back) is left out. False when it was not written.
    @discardableResult
    func write<Value>(_ entries: [StableHash: Value], to path: String, bytes: (Value) -> Data?) -> Bool {
        let records = entries.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) })
        return CacheFile.replace(path) { descriptor in
            var output = BufferedOutput(descriptor: descriptor)
            output.append(magic)
            output.append(Self.bytes(CacheVersion.current))
            var offset = headerSize
            var index = Data()
            index.reserveCapacity(records.count * Self.indexEntrySize)
            for record in records {
                guard let value = bytes(record.value) else { continue }
                index.append(Self.bytes(record.key))
                MemoFile.append(UInt64(offset), to: &index)
                MemoFile.append(UInt32(value.count), to: &index)
                index.append(Self.bytes(StoredRecords.checksum(of: value)))
                output.append(value)
                offset += value.count
            }
            output.append(index)
            var trailer = Data()
            MemoFile.append(UInt64(offset), to: &trailer)
            trailer.append(Self.bytes(StoredRecords.checksum(of: index)))
            output.append(trailer)
            return output.flush()
        }
    }

    /// The records of the memo at `path`, each read when asked for; nil when the file is
    /// missing or does not check out (never following a link).
    func read(_ path: String) -> StoredRecords? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            let places = index(
                size: Int(info.st_size), read: { StoredRecords.read($0, at: $1, from: descriptor) })
        else {
            close(descriptor)
            return nil
        }
        return StoredRecords(descriptor: descriptor, places: places)
    }

    /// The records of a whole memo file's bytes, each made by `value` from `data`'s bytes and the
    /// record's range (offsets into `data`, from 0); a record whose bytes do not check out is
    /// left out. For a small memo that is read whole (`files.bin`).
    func decode<Value>(_ data: Data, value: (UnsafeRawBufferPointer, Range<Int>) -> Value) -> [StableHash:
        Value]
    {
        guard
            let places = index(
                size: data.count,
                read: { count, offset in
                    data.subdata(in: (data.startIndex + offset)..<(data.startIndex + offset + count))
                })
        else { return [:] }
        return data.withUnsafeBytes { bytes in
            var entries: [StableHash: Value] = [:]
            entries.reserveCapacity(places.count)
            for (key, place) in places {
                let range = place.offset..<place.offset + place.length
                guard
                    StoredRecords.checksum(of: UnsafeRawBufferPointer(rebasing: bytes[range]))
                        == place.checksum
                else { continue }
                entries[key] = value(bytes, range)
            }
            return entries
        }
    }

    /// Each record's place, from the index of a memo file of `size` bytes, whose bytes `read`
    /// gives (a count at an offset); nil when the file does not check out.
    private func index(size: Int, read: (Int, Int) -> Data?) -> [StableHash: StoredRecords.Place]? {
        guard size >= headerSize + Self.trailerSize, size <= CacheFile.sizeLimit,
            let header = read(headerSize, 0),
            header.prefix(magic.count) == magic,
            Self.hash(in: header, at: magic.count) == CacheVersion.current,
            let trailer = read(Self.trailerSize, size - Self.trailerSize)
        else { return nil }
        let indexOffset = Self.integer(UInt64.self, in: trailer, at: 0)
        guard indexOffset >= UInt64(headerSize), indexOffset <= UInt64(size - Self.trailerSize) else {
            return nil
        }
        let indexSize = size - Self.trailerSize - Int(indexOffset)
        guard indexSize % Self.indexEntrySize == 0, let index = read(indexSize, Int(indexOffset)),
            StoredRecords.checksum(of: index) == Self.hash(in: trailer, at: 8)
        else { return nil }
        var places: [StableHash: StoredRecords.Place] = [:]
        places.reserveCapacity(indexSize / Self.indexEntrySize)
        for start in stride(from: 0, to: indexSize, by: Self.indexEntrySize) {
            let offset = Self.integer(UInt64.self, in: index, at: start + 16)
            let length = UInt64(Self.integer(UInt32.self, in: index, at: start + 24))
            guard offset >= UInt64(headerSize), offset + length <= indexOffset else { return nil }
            places[Self.hash(in: index, at: start)] = StoredRecords.Place(
                offset: Int(offset), length: Int(length), checksum: Self.hash(in: index, at: start + 28))
        }
        return places
    }

    private static func integer<Integer: FixedWidthInteger>(_: Integer.Type, in data: Data, at offset: Int)
        -> Integer
    {
        data.withUnsafeBytes {
            Integer(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Integer.self))
        }
    }

    /// A key, the cache version or a hash at `offset` of `data`: its high then its low half.
    private static func hash(in data: Data, at offset: Int) -> StableHash {
        StableHash(
            high: integer(UInt64.self, in: data, at: offset),
            low: integer(UInt64.self, in: data, at: offset + 8))
    }

    /// Appends `value`'s little-endian bytes.
    static func append<Integer: FixedWidthInteger>(_ value: Integer, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private static func bytes<Integer: FixedWidthInteger>(_ value: Integer) -> Data {
        var data = Data()
        append(value, to: &data)
        return data
    }

    /// A key, the cache version or a hash: its high then its low half.
    private static func bytes(_ hash: StableHash) -> Data {
        bytes(hash.high) + bytes(hash.low)
    }
}

/// Writes to an open file through a buffer of about a mebibyte, so that a file of hundreds of
/// megabytes is written in large writes without being held whole.
private struct BufferedOutput {
    let descriptor: Int32
    private var buffer = Data()
    private var failed = false
    private static let capacity = 1 << 20

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.capacity)
    }

    mutating func append(_ data: Data) {
        buffer.append(data)
        if buffer.count >= Self.capacity { _ = flush() }
    }

    /// Writes what is buffered; false once any write failed.
    mutating func flush() -> Bool {
        if !failed, !buffer.isEmpty { failed = !writeAll(buffer, to: descriptor) }
        buffer.removeAll(keepingCapacity: true)
        return !failed
    }
}
