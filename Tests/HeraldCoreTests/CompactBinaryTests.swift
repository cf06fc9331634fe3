import Foundation
import Testing

@testable import HeraldCore

/// `CompactBinary`: synthesized `Codable` values read back exactly; anything else fails.
@Suite struct CompactBinaryTests {
    private struct Sample: Codable, Equatable {
        enum Shape: Codable, Equatable {
            case circle(radius: Double)
            case label(String, Int8)
            case none
        }

        var name: String
        var count: Int
        var small: UInt16
        var ratio: Float
        var flag: Bool
        var maybe: String?
        var missing: Int?
        var when: Date
        var tags: [String]
        var unique: Set<Int>
        var nested: [[UInt64]]
        var shapes: [Shape]
        var shape: Shape?
        var phase: IncidentPhase
        var location: HeraldCore.SourceLocation
        /// Hand-written `Codable` that leaves out a key it decodes with `decodeIfPresent`.
        var zone: TimeZone
    }

    private let sample = Sample(
        name: "Cluster A — ✉️", count: -42, small: 65_000, ratio: 0.25, flag: true, maybe: "", missing: nil,
        when: Date(timeIntervalSince1970: 1_760_000_000.5), tags: ["a", "", "c"], unique: [3, 1, 2],
        nested: [[], [UInt64.max, 0]], shapes: [.circle(radius: 2.5), .label("x", -1), .none],
        shape: .label("y", 7), phase: .monitoring,
        location: HeraldCore.SourceLocation(path: "p.md", line: 3, column: 9),
        zone: TimeZone(identifier: "America/Toronto") ?? .gmt)

    private func decode<Value: Decodable>(_ type: Value.Type, _ bytes: [UInt8]) throws -> Value {
        try bytes.withUnsafeBytes { try CompactBinary.decode(type, from: $0) }
    }

    @Test func aValueReadsBackAsItWasWritten() throws {
        let bytes = try CompactBinary.encode(sample)
        #expect(try decode(Sample.self, bytes) == sample)
    }

    @Test func truncatedExtendedOrForeignBytesFail() throws {
        let bytes = try CompactBinary.encode(sample)
        for length in [0, 1, bytes.count / 3, bytes.count - 1] {
            #expect(throws: CompactBinary.Failure.malformed) {
                try decode(Sample.self, Array(bytes.prefix(length)))
            }
        }
        #expect(throws: CompactBinary.Failure.malformed) { try decode(Sample.self, bytes + [0]) }
        #expect(throws: CompactBinary.Failure.malformed) { try decode(HeraldCore.SourceLocation.self, bytes) }
        #expect(throws: CompactBinary.Failure.self) { try decode(Sample.self, bytes.map { $0 ^ 0x5A }) }
    }

    @Test func aRenamedFieldFails() throws {
        struct Before: Codable { var line: Int }
        struct After: Codable { var row: Int }
        #expect(throws: CompactBinary.Failure.malformed) {
            try decode(After.self, try CompactBinary.encode(Before(line: 1)))
        }
    }

    @Test func whatTheFormatCannotSayFailsTheEncoding() {
        #expect(throws: CompactBinary.Failure.self) { try CompactBinary.encode(["a", nil] as [String?]) }
    }

    /// A repeated string of 16 to 512 bytes is written once and then referred to; it reads back
    /// with its own bytes, canonically equivalent strings included.
    @Test func repeatedStringsAreWrittenOnceAndReadBackByteForByte() throws {
        let path = "Content/incidents/2025-08-14-cluster-a.md"
        let composed = "Café au lait, Cluster A — \u{E9}"
        let decomposed = "Café au lait, Cluster A — e\u{301}"
        #expect(composed == decomposed)
        let long = String(repeating: "x", count: 600)
        let values = [path, path, composed, decomposed, decomposed, long, long, "short", "short", path]
        let bytes = try CompactBinary.encode(values)
        let decoded = try decode([String].self, bytes)
        #expect(decoded.map { Array($0.utf8) } == values.map { Array($0.utf8) })
        // path, composed, decomposed and both copies of `long` in full; the rest as references.
        let written = [path, composed, decomposed, long, long, "short", "short"].map { 4 + $0.utf8.count }
        #expect(bytes.count == 4 + written.reduce(0, +) + 3 * 8)
    }

    @Test func aReferenceToAStringNotYetReadFails() throws {
        var bytes = try CompactBinary.encode(["Content/incidents/a-long-enough-path.md"])
        // The list's count, then in place of the string's length a reference to string 0.
        bytes = Array(bytes.prefix(4)) + [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]
        #expect(throws: CompactBinary.Failure.malformed) { try decode([String].self, bytes) }
    }
}
