import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

/// Cache keys must be the same in every process and however the bytes are fed.
@Suite struct StableHashTests {
    /// Values computed by the first (byte-at-a-time) implementation: a faster one must agree.
    @Test func knownValues() {
        var empty = StableHasher()
        empty.combine("")
        #expect(empty.finalize().description == "59f8894f9f8434b593a606989599c9b3")
        var mixed = StableHasher()
        mixed.combine("herald")
        mixed.combine(42)
        mixed.combine(String(repeating: "status page ", count: 7))
        mixed.combine(UInt8(7))
        #expect(mixed.finalize().description == "10bbbb1cbc7ee74214ad19ce4cc6ed9b")
        #expect(
            StableHash.of("The quick brown fox jumps over the lazy dog").description
                == "6443149c5001b4e510b20d15b24cb6ae")
    }

    @Test func anyChunkingGivesTheSameHash() {
        let bytes = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        var whole = StableHasher()
        bytes.withUnsafeBytes { whole.combine(bytes: $0) }
        let expected = whole.finalize()
        for first in [0, 1, 7, 15, 16, 17, 31, 50, 99] {
            for second in [0, 1, 3, 16, 33] where first + second <= bytes.count {
                var chunked = StableHasher()
                bytes.withUnsafeBytes { raw in
                    chunked.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[0..<first]))
                    chunked.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[first..<first + second]))
                    chunked.combine(bytes: UnsafeRawBufferPointer(rebasing: raw[(first + second)...]))
                }
                #expect(chunked.finalize() == expected, "split at \(first), \(first + second)")
            }
        }
        var other = StableHasher()
        bytes.dropLast().withUnsafeBytes { other.combine(bytes: $0) }
        #expect(other.finalize() != expected)
    }
}
