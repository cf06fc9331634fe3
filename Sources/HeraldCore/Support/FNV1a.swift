/// 64-bit FNV-1a of a text's UTF-8 bytes: a small hash that is the same on every run and
/// machine (Swift's `Hasher` is seeded per process), for ids derived from names.
package enum FNV1a {
    package static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
