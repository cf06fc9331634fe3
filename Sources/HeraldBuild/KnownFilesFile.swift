import Foundation
import HeraldCore
import HeraldLoad

/// The content files as the last load that recorded them saw them (`files.bin`, a `MemoFile`),
/// by a hash of their path: each record the file's identity (seven 8-byte integers), the digest
/// of its text (16 bytes), then its path. A record that does not check out is left out.
enum KnownFilesFile {
    static let file = MemoFile("files", fileName: "files.bin")
    private static let fixedSize = 7 * 8 + 16

    /// The files recorded in the cache folder `directory`; none when missing or damaged.
    static func read(inCache directory: String) -> [String: KnownFile] {
        CacheFile.read(file.path(inCache: directory)).map(decode) ?? [:]
    }

    /// Writes `files` as the record file at `path`.
    static func write(_ files: [String: KnownFile], to path: String) {
        let byKey = Dictionary(files.map { (StableHash.of($0.key), ($0.key, $0.value)) }) { first, _ in first
        }
        file.write(byKey, to: path) { path, known in
            var data = Data(capacity: fixedSize + path.utf8.count)
            let identity = known.identity
            for number in [
                Int64(bitPattern: identity.device), Int64(bitPattern: identity.inode), identity.size,
                identity.modifiedSeconds, identity.modifiedNanoseconds, identity.changedSeconds,
                identity.changedNanoseconds, Int64(bitPattern: known.digest.high),
                Int64(bitPattern: known.digest.low),
            ] {
                MemoFile.append(number, to: &data)
            }
            data.append(contentsOf: path.utf8)
            return data
        }
    }

    static func decode(_ data: Data) -> [String: KnownFile] {
        let records = file.decode(data) { bytes, range -> (String, KnownFile)? in
            guard range.count >= fixedSize else { return nil }
            func number(_ index: Int) -> Int64 {
                Int64(
                    littleEndian: bytes.loadUnaligned(
                        fromByteOffset: range.lowerBound + index * 8, as: Int64.self))
            }
            let identity = FileIdentity(
                device: UInt64(bitPattern: number(0)), inode: UInt64(bitPattern: number(1)), size: number(2),
                modifiedSeconds: number(3), modifiedNanoseconds: number(4), changedSeconds: number(5),
                changedNanoseconds: number(6))
            let digest = StableHash(high: UInt64(bitPattern: number(7)), low: UInt64(bitPattern: number(8)))
            let path = String(
                decoding: UnsafeRawBufferPointer(
                    rebasing: bytes[(range.lowerBound + fixedSize)..<range.upperBound]),
                as: UTF8.self)
            return (path, KnownFile(identity: identity, digest: digest))
        }
        var files: [String: KnownFile] = [:]
        files.reserveCapacity(records.count)
        for (key, record) in records {
            guard let (path, known) = record, StableHash.of(path) == key else { continue }
            files[path] = known
        }
        return files
    }
}
