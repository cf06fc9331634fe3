import Foundation
import HeraldCore
import HeraldMarkdown

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

    /// The memo's bytes, written into one buffer of the final size (a memo of a large archive
    /// is tens of megabytes, so growing it or copying the records after the header would show).
    func encode<Value>(_ entries: [StableHash: Value], bytes: (Value) -> Data) -> Data {
        let records = entries.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) })
            .map { (key: $0.key, bytes: bytes($0.value)) }
        let headerSize = magic.count + 32
        var data = Data(capacity: headerSize + records.reduce(0) { $0 + 20 + $1.bytes.count })
        data.append(magic)
        let version = CacheVersion.current
        Self.append(version.high, to: &data)
        Self.append(version.low, to: &data)
        // The checksum of the records, filled in once they are written.
        data.append(Data(count: 16))
        for record in records {
            Self.append(record.key.high, to: &data)
            Self.append(record.key.low, to: &data)
            Self.append(UInt32(record.bytes.count), to: &data)
            data.append(record.bytes)
        }
        let checksum = data.withUnsafeBytes {
            Self.checksum(of: UnsafeRawBufferPointer(rebasing: $0[headerSize...]))
        }
        var checksumBytes = Data()
        Self.append(checksum.high, to: &checksumBytes)
        Self.append(checksum.low, to: &checksumBytes)
        data.replaceSubrange(magic.count + 16..<headerSize, with: checksumBytes)
        return data
    }

    /// The records of `data`, each made by `value` from the file's bytes and the record's range
    /// (offsets into `data`, from 0).
    func decode<Value>(_ data: Data, value: (UnsafeRawBufferPointer, Range<Int>) -> Value) -> [StableHash:
        Value]
    {
        let headerSize = magic.count + 32
        guard data.count >= headerSize, data.prefix(magic.count) == magic else { return [:] }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [StableHash: Value] in
            func hash(at offset: Int) -> StableHash {
                StableHash(
                    high: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
                    low: UInt64(
                        littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
            }
            guard hash(at: magic.count) == CacheVersion.current,
                hash(at: magic.count + 16)
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

    private static func checksum(of bytes: UnsafeRawBufferPointer) -> StableHash {
        var hasher = StableHasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }

    /// Appends `value`'s little-endian bytes.
    static func append<Integer: FixedWidthInteger>(_ value: Integer, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
}
