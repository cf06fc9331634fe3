import Foundation
import HeraldCore
import HeraldMarkdown

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A memo on disk (`markdown.bin`, `parses.bin`, `files.bin`): a header naming the memo, the
/// cache version, a checksum of the records, then records of a 16-byte key, a 4-byte length and
/// the bytes. Anything that does not check out (other memo or version, bad checksum, truncated)
/// reads as an empty memo.
struct MemoFile {
    let magic: Data
    /// The file's name in the cache folder.
    let fileName: String

    init(_ name: String, fileName: String) {
        magic = Data("herald-\(name)-memo\n".utf8)
        self.fileName = fileName
    }

    func path(inCache directory: String) -> String { "\(directory)/\(fileName)" }

    /// Where the checksum of the records is: after the magic and the cache version.
    private var checksumOffset: Int { magic.count + 16 }
    /// The magic, the cache version and the checksum; the records follow.
    private var headerSize: Int { checksumOffset + 16 }

    /// Writes the memo to `path` (`CacheFile.replace`): the header, then record by record
    /// through a small buffer, the checksum filled in last. A memo of a large archive is
    /// hundreds of megabytes; made whole in memory first, it was the peak of a cold build at
    /// 50,000 incidents (its records and its bytes held at once). False when it was not written.
    @discardableResult
    func write<Value>(_ entries: [StableHash: Value], to path: String, bytes: (Value) -> Data) -> Bool {
        let records = entries.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) })
        return CacheFile.replace(path) { descriptor in
            var output = BufferedOutput(descriptor: descriptor)
            output.append(magic)
            output.append(Self.bytes(CacheVersion.current))
            // The checksum of the records, filled in once they are written.
            output.append(Data(count: headerSize - checksumOffset))
            var checksum = StableHasher()
            for record in records {
                let value = bytes(record.value)
                let head = Self.bytes(record.key) + Self.bytes(UInt32(value.count))
                for part in [head, value] {
                    part.withUnsafeBytes { checksum.combine(bytes: $0) }
                    output.append(part)
                }
            }
            return output.flush()
                && lseek(descriptor, off_t(checksumOffset), SEEK_SET) >= 0
                && writeAll(Self.bytes(checksum.finalize()), to: descriptor)
        }
    }

    /// The records of `data`, each made by `value` from the file's bytes and the record's range
    /// (offsets into `data`, from 0).
    func decode<Value>(_ data: Data, value: (UnsafeRawBufferPointer, Range<Int>) -> Value) -> [StableHash:
        Value]
    {
        guard data.count >= headerSize, data.prefix(magic.count) == magic else { return [:] }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [StableHash: Value] in
            func hash(at offset: Int) -> StableHash {
                StableHash(
                    high: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
                    low: UInt64(
                        littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
            }
            guard hash(at: magic.count) == CacheVersion.current,
                hash(at: checksumOffset)
                    == Self.checksum(of: UnsafeRawBufferPointer(rebasing: bytes[headerSize...]))
            else { return [:] }
            var entries: [StableHash: Value] = [:]
            var offset = headerSize
            while offset < bytes.count {
                guard offset + 20 <= bytes.count else { return [:] }
                let key = hash(at: offset)
                let length = Int(
                    UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self)))
                offset += 20
                guard length <= bytes.count - offset else { return [:] }
                entries[key] = value(bytes, offset..<offset + length)
                offset += length
            }
            return entries
        }
    }

    /// The records of `data` as slices of it (sharing its storage, not copies).
    func records(in data: Data) -> [StableHash: Data] {
        decode(data) { _, range in
            data[(data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)]
        }
    }

    private static func checksum(of bytes: UnsafeRawBufferPointer) -> StableHash {
        var hasher = StableHasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
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

    /// A key, the cache version or the checksum: its high then its low half.
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
