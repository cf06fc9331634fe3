import Foundation
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldMarkdown
import HeraldRender
import HeraldTemplates
import HeraldValidate
import HeraldWrite

/// The Markdown memo on disk: a header, the cache version, a checksum of the records, then
/// records of a 16-byte key, a 4-byte length and the UTF-8 text. Anything that does not check
/// out (other version, bad checksum, truncated) reads as an empty memo.
enum MarkdownMemoFile {
    static let magic = Data("herald-markdown-memo\n".utf8)

    static func encode(_ entries: [StableHash: String]) -> Data {
        var records = Data()
        for (key, text) in entries.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }) {
            append(key.high, to: &records)
            append(key.low, to: &records)
            let bytes = Data(text.utf8)
            append(UInt32(bytes.count), to: &records)
            records.append(bytes)
        }
        var data = magic
        let version = CacheVersion.current
        append(version.high, to: &data)
        append(version.low, to: &data)
        let checksum = checksum(of: records)
        append(checksum.high, to: &data)
        append(checksum.low, to: &data)
        data.append(records)
        return data
    }

    static func decode(_ data: Data) -> [StableHash: String] {
        let headerSize = magic.count + 32
        guard data.count >= headerSize, data.prefix(magic.count) == magic else { return [:] }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [StableHash: String] in
            func hash(at offset: Int) -> StableHash {
                StableHash(
                    high: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
                    low: UInt64(
                        littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
            }
            guard hash(at: magic.count) == CacheVersion.current,
                hash(at: magic.count + 16)
                    == checksum(of: UnsafeRawBufferPointer(rebasing: bytes[headerSize...]))
            else { return [:] }
            var entries: [StableHash: String] = [:]
            var offset = headerSize
            while offset < bytes.count {
                guard offset + 20 <= bytes.count else { return [:] }
                let key = hash(at: offset)
                let length = Int(
                    UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self)))
                offset += 20
                guard length <= bytes.count - offset else { return [:] }
                entries[key] = String(
                    decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self
                )
                offset += length
            }
            return entries
        }
    }

    private static func checksum(of records: Data) -> StableHash {
        records.withUnsafeBytes { checksum(of: $0) }
    }

    private static func checksum(of bytes: UnsafeRawBufferPointer) -> StableHash {
        var hasher = StableHasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }

    private static func append<Integer: FixedWidthInteger>(_ value: Integer, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }
}
