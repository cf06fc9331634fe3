#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte searches over a string's UTF-8 with the C library's vectorised `memchr`, for checks
/// that run over every content file (the generic `utf8.contains` goes byte by byte).
package enum ByteSearch {
    package static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether `text` fits on one line of a line-based file (the output manifest, the output
    /// marker): no line feed byte, alone or after a carriage return.
    package static func isOneLine(_ text: String) -> Bool {
        !contains(UInt8(ascii: "\n"), in: text)
    }

    /// Whether `text`'s UTF-8 holds `needle`'s, byte for byte (no Unicode equivalence, unlike
    /// Foundation's `contains`, which is much slower).
    package static func contains(_ needle: String, in text: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { bytes in
            needle.withUTF8 { needle in
                guard let first = needle.first, let needleBase = needle.baseAddress else { return true }
                guard let base = bytes.baseAddress else { return false }
                // Each place the first byte is, by `memchr`, then the rest by `memcmp`.
                var offset = 0
                while bytes.count - offset >= needle.count,
                    let found = memchr(base + offset, Int32(first), bytes.count - offset - needle.count + 1)
                {
                    let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(found, needleBase, needle.count) == 0 { return true }
                    offset = position + 1
                }
                return false
            }
        }
    }
}
