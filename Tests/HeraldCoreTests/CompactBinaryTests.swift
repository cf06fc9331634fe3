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
}
