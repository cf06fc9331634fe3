import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore

/// A memo written record by record through its buffer reads back whole, read at once or record
/// by record from the open file; damage to its header, index or end reads as an empty memo, and
/// damage to a record's bytes as a miss of that record.
@Suite struct MemoFileTests {
    static let file = MemoFile("test", fileName: "test.bin")

    /// 3,000 records of 0 to 2,999 bytes: about 4.5 MB, so the buffer is written out several
    /// times and records straddle its writes.
    static let entries: [StableHash: Data] = Dictionary(
        uniqueKeysWithValues: (0..<3000).map { index in
            (
                StableHash.of("record \(index)"),
                Data((0..<index).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) })
            )
        })

    func written() throws -> (path: String, bytes: Data) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "memo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = Self.file.path(inCache: folder.path)
        #expect(Self.file.write(Self.entries, to: path) { $0 })
        return (path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func decoded(_ data: Data) -> [StableHash: Data] {
        Self.file.decode(data) { _, range in data[range] }
    }

    /// Every record of the file at `path` that reads back, each read on its own.
    func read(_ path: String) -> [StableHash: Data] {
        (Self.file.read(path)?.records ?? [:]).compactMapValues(\.data)
    }

    /// `bytes` as a memo file of its own.
    func file(holding bytes: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("memo-\(UUID().uuidString)")
        try bytes.write(to: path)
        return path.path
    }

    @Test func aLargeMemoReadsBackWhole() throws {
        let (path, bytes) = try written()
        #expect(bytes.count > 4 << 20)
        #expect(decoded(bytes) == Self.entries)
        #expect(read(path) == Self.entries)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
        // Written again (records sorted by key), the same bytes.
        #expect(try written().bytes == bytes)
    }

    @Test func damageToTheHeaderIndexOrEndReadsAsAnEmptyMemo() throws {
        let bytes = try written().bytes
        // The magic, the cache version, the index, the index's offset and its hash.
        for offset in [0, 20, 32, bytes.count - 24 - 44 * 10, bytes.count - 20, bytes.count - 1] {
            var damaged = bytes
            damaged[offset] ^= 0x10
            #expect(decoded(damaged).isEmpty, "byte \(offset)")
            #expect(read(try file(holding: damaged)).isEmpty, "byte \(offset)")
        }
        for damaged in [bytes.prefix(bytes.count - 1), bytes + [0], Data()] {
            #expect(decoded(damaged).isEmpty)
            #expect(read(try file(holding: damaged)).isEmpty)
        }
        #expect(Self.file.read("/nonexistent-folder/test.bin") == nil)
    }

    @Test func damageToARecordIsAMissOfThatRecord() throws {
        let bytes = try written().bytes
        var damaged = bytes
        damaged[bytes.count / 2] ^= 0x10
        let whole = decoded(damaged)
        #expect(whole.count == Self.entries.count - 1)
        #expect(whole.allSatisfy { Self.entries[$0.key] == $0.value })
        #expect(read(try file(holding: damaged)) == whole)
    }

    /// A record is read from the file that was indexed, even once another replaced it.
    @Test func recordsAreReadFromTheFileThatWasIndexed() throws {
        let (path, _) = try written()
        let records = try #require(Self.file.read(path))
        #expect(Self.file.write([StableHash.of("other"): Data("other".utf8)], to: path) { $0 })
        #expect(records.records.compactMapValues(\.data) == Self.entries)
        #expect(read(path) == [StableHash.of("other"): Data("other".utf8)])
    }

    @Test func aMemoThatCannotBeWrittenIsNotInPlace() {
        #expect(!Self.file.write(Self.entries, to: "/nonexistent-folder/test.bin") { $0 })
    }
}
