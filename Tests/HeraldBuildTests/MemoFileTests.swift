import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore

/// A memo written record by record through its buffer reads back whole, and any damage to the
/// file reads as an empty memo.
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

    @Test func aLargeMemoReadsBackWhole() throws {
        let (path, bytes) = try written()
        #expect(bytes.count > 4 << 20)
        #expect(decoded(bytes) == Self.entries)
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
        // Written again (records sorted by key), the same bytes.
        #expect(try written().bytes == bytes)
    }

    @Test func damageReadsAsAnEmptyMemo() throws {
        let bytes = try written().bytes
        for offset in [0, 30, 40, 60, bytes.count / 2, bytes.count - 1] {
            var damaged = bytes
            damaged[offset] ^= 0x10
            #expect(decoded(damaged).isEmpty, "byte \(offset)")
        }
        #expect(decoded(bytes.prefix(bytes.count - 1)).isEmpty)
        #expect(decoded(bytes + [0]).isEmpty)
    }

    @Test func aMemoThatCannotBeWrittenIsNotInPlace() {
        #expect(!Self.file.write(Self.entries, to: "/nonexistent-folder/test.bin") { $0 })
    }
}
