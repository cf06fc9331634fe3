/// Escaping for XML 1.0 text and attribute values (also valid in HTML fragments).
package enum XMLEscaping {
    /// Escapes `& < > " '` and drops the characters XML 1.0 cannot carry at all: C0 controls
    /// other than tab, LF and CR, and the non-characters U+FFFE and U+FFFF. (Lone surrogates
    /// cannot occur in a Swift `String`.)
    ///
    /// Works on UTF-8 bytes (every character it changes is ASCII or U+FFFE/U+FFFF) and returns
    /// the text itself when nothing needs changing, the common case for feed titles and URLs.
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: mayNeedWork) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): output += "&amp;".utf8
            case UInt8(ascii: "<"): output += "&lt;".utf8
            case UInt8(ascii: ">"): output += "&gt;".utf8
            case UInt8(ascii: "\""): output += "&quot;".utf8
            case UInt8(ascii: "'"): output += "&apos;".utf8
            case 0x09, 0x0A, 0x0D: output.append(byte)
            case ..<0x20: break
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                index += 2  // U+FFFE, U+FFFF
            default: output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Bytes that may be escaped or dropped: markup characters, C0 controls, and 0xEF (the lead
    /// byte of U+FFFE and U+FFFF; most 0xEF sequences are kept).
    private static func mayNeedWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
            true
        case 0x09, 0x0A, 0x0D: false
        case ..<0x20, 0xEF: true
        default: false
        }
    }
}
