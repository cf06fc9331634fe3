/// JSON string literals safe to embed in an HTML `<script>` element (JSON-LD). Besides what
/// JSON requires (`"`, `\` and control characters escaped), `<`, `>` and `&` become `\u003c`,
/// `\u003e` and `\u0026`, so no `</script>` or `<!--` can end or change the element, and
/// U+2028 / U+2029 become `\u2028` / `\u2029`, which older JavaScript parsers take for line
/// ends. A JSON parser reads the same text back.
///
/// Works on UTF-8 bytes the way `HTMLEscaping` does, copying the runs between escapes in one go:
/// every character it escapes is ASCII but U+2028 / U+2029, whose UTF-8 forms `E2 80 A8` and
/// `E2 80 A9` occur in no other character's.
package enum ScriptJSON {
    package static func string(_ text: String) -> String {
        var text = text
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 2)
        output.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let escaped: UInt32
                var length = 1
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                    UInt8(ascii: "\t"),
                    UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20, 0x7F:
                    escaped = UInt32(bytes[index])
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escaped = bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029
                    length = 3
                default:
                    index += 1
                    continue
                }
                output.append(contentsOf: bytes[runStart..<index])
                appendEscape(escaped, to: &output)
                index += length
                runStart = index
            }
            output.append(contentsOf: bytes[runStart...])
        }
        output.append(UInt8(ascii: "\""))
        return String(decoding: output, as: UTF8.self)
    }

    /// `\"`, `\\`, `\n`, `\r` and `\t` as JSON spells them; any other character as `\uXXXX`.
    private static func appendEscape(_ value: UInt32, to output: inout [UInt8]) {
        let short: String? =
            switch value {
            case 0x22: "\\\""
            case 0x5C: "\\\\"
            case 0x0A: "\\n"
            case 0x0D: "\\r"
            case 0x09: "\\t"
            default: nil
            }
        output += (short ?? "\\u" + Hex.digits(value, width: 4).lowercased()).utf8
    }
}
