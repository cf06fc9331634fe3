/// Refuses YAML whose anchors and aliases could expand exponentially ("billion laughs").
///
/// Yams hashes every mapping key while composing, and an alias used as a key (directly or inside a
/// complex key) can make that exponential. Content files have little use for anchors, so a rough
/// count of `&name` and `*name` tokens, done before parsing, bounds the work. Without any anchor,
/// `*emphasis*` in text is never counted against the file.
enum AliasGuard {
    static let maximumAnchors = 8
    static let maximumAliases = 64

    /// True when the text is within the limits.
    static func allows(_ yaml: String) -> Bool {
        guard ByteSearch.contains(UInt8(ascii: "&"), in: yaml) else { return true }
        let anchors = count(marker: UInt8(ascii: "&"), in: yaml)
        guard anchors > 0 else { return true }
        return anchors <= maximumAnchors && count(marker: UInt8(ascii: "*"), in: yaml) <= maximumAliases
    }

    /// Tokens `marker` + name that start a YAML node: at a line start or after a space or `[{,:-?`.
    private static func count(marker: UInt8, in yaml: String) -> Int {
        var total = 0
        var previous: UInt8 = UInt8(ascii: "\n")
        var afterMarker = false
        for byte in yaml.utf8 {
            if afterMarker, !isSeparator(byte) { total += 1 }
            afterMarker = byte == marker && (isSeparator(previous) || Self.starters.contains(previous))
            previous = byte
        }
        return total
    }

    private static let starters: Set<UInt8> = Set("[{,:-?".utf8)

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
    }
}
