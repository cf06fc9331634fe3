/// A 128-bit hash that is the same in every process and on every run (unlike `Hasher`), for
/// cache keys: MurmurHash3 x64 128 over the bytes fed to it, streamed.
///
/// Not cryptographic: it guards against accidental collisions (about 2⁻¹²⁸ for any two
/// inputs), which is all a cache of the user's own files needs. Feed values with their
/// lengths or type tags (`combine(_:)` does) so different sequences cannot produce the same bytes.
package struct StableHasher {
    private var h1: UInt64 = 0x9368_e53c_2f6a_f274
    private var h2: UInt64 = 0x586d_cd20_8f7c_d3fd
    private var buffer: (UInt64, UInt64) = (0, 0)
    private var buffered = 0
    private var length = 0

    private static let c1: UInt64 = 0x87c3_7b91_1142_53d5
    private static let c2: UInt64 = 0x4cf5_ad43_2745_937f

    package init() {}

    package mutating func combine(bytes: UnsafeRawBufferPointer) {
        length &+= bytes.count
        var offset = 0
        // Top up a partly filled block, then take whole blocks straight from memory; the
        // block buffer holds bytes in memory order (read back as little-endian words).
        if buffered != 0 {
            let take = min(16 - buffered, bytes.count)
            fillBuffer(at: buffered, from: UnsafeRawBufferPointer(rebasing: bytes[0..<take]))
            buffered += take
            offset = take
            guard buffered == 16 else { return }
            mix(UInt64(littleEndian: buffer.0), UInt64(littleEndian: buffer.1))
            buffer = (0, 0)
            buffered = 0
        }
        while bytes.count - offset >= 16 {
            mix(
                bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian,
                bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self).littleEndian)
            offset += 16
        }
        if offset < bytes.count {
            fillBuffer(at: 0, from: UnsafeRawBufferPointer(rebasing: bytes[offset...]))
            buffered = bytes.count - offset
        }
    }

    package mutating func combine(_ string: String) {
        var string = string
        combine(string.utf8.count)
        string.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    package mutating func combine(_ value: Int) {
        withUnsafeBytes(of: UInt64(bitPattern: Int64(value)).littleEndian) { combine(bytes: $0) }
    }

    package mutating func combine(_ value: UInt8) {
        withUnsafeBytes(of: value) { combine(bytes: $0) }
    }

    package mutating func combine(_ data: [UInt8]) {
        combine(data.count)
        data.withUnsafeBytes { combine(bytes: $0) }
    }

    package mutating func combine(_ digest: StableHash) {
        combine(Int(bitPattern: UInt(digest.high)))
        combine(Int(bitPattern: UInt(digest.low)))
    }

    private mutating func fillBuffer(at position: Int, from bytes: UnsafeRawBufferPointer) {
        withUnsafeMutableBytes(of: &buffer) { block in
            UnsafeMutableRawBufferPointer(rebasing: block[position..<position + bytes.count]).copyMemory(
                from: bytes)
        }
    }

    private mutating func mix(_ block1: UInt64, _ block2: UInt64) {
        var k1 = block1
        var k2 = block2
        k1 &*= Self.c1
        k1 = k1.rotatedLeft(31)
        k1 &*= Self.c2
        h1 ^= k1
        h1 = h1.rotatedLeft(27)
        h1 &+= h2
        h1 = h1 &* 5 &+ 0x52dc_e729
        k2 &*= Self.c2
        k2 = k2.rotatedLeft(33)
        k2 &*= Self.c1
        h2 ^= k2
        h2 = h2.rotatedLeft(31)
        h2 &+= h1
        h2 = h2 &* 5 &+ 0x3849_5ab5
    }

    package func finalize() -> StableHash {
        var h1 = self.h1
        var h2 = self.h2
        if buffered > 0 {
            var k1 = UInt64(littleEndian: buffer.0)
            var k2 = UInt64(littleEndian: buffer.1)
            k2 &*= Self.c2
            k2 = k2.rotatedLeft(33)
            k2 &*= Self.c1
            h2 ^= k2
            k1 &*= Self.c1
            k1 = k1.rotatedLeft(31)
            k1 &*= Self.c2
            h1 ^= k1
        }
        h1 ^= UInt64(length)
        h2 ^= UInt64(length)
        h1 &+= h2
        h2 &+= h1
        h1 = Self.fmix(h1)
        h2 = Self.fmix(h2)
        h1 &+= h2
        h2 &+= h1
        return StableHash(high: h1, low: h2)
    }

    private static func fmix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }
}

/// The result of `StableHasher`: 128 bits, comparable and usable as a dictionary key.
package struct StableHash: Hashable, Sendable, Codable, CustomStringConvertible {
    package var high: UInt64
    package var low: UInt64

    package init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    package var description: String {
        String(high, radix: 16).leftPadded(to: 16) + String(low, radix: 16).leftPadded(to: 16)
    }

    /// The hash of one string.
    package static func of(_ string: String) -> StableHash {
        var hasher = StableHasher()
        hasher.combine(string)
        return hasher.finalize()
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension StableHash {
    /// Parses the 32 hex digits of `description`.
    package init?(hex: Substring) {
        guard hex.utf8.count == 32, let high = UInt64(hex.prefix(16), radix: 16),
            let low = UInt64(hex.suffix(16), radix: 16)
        else { return nil }
        self.init(high: high, low: low)
    }
}
