/// JSON string literals safe to embed in an HTML `<script>` element (JSON-LD). Besides what
/// JSON requires (`"`, `\` and control characters escaped), `<`, `>` and `&` become `\u003c`,
/// `\u003e` and `\u0026`, so no `</script>` or `<!--` can end or change the element, and
/// U+2028 / U+2029 become `\u2028` / `\u2029`, which older JavaScript parsers take for line
/// ends. A JSON parser reads the same text back.
///
/// Works on UTF-8 bytes: every character it escapes but U+2028 / U+2029 is ASCII, and those two
/// are exactly the bytes `E2 80 A8` and `E2 80 A9` (no other character's form contains them).
package enum ScriptJSON {
    package static func string(_ text: String) -> String {
        let utf8 = text.utf8
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 2)
        result.append(UInt8(ascii: "\""))
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            utf8.formIndex(after: &index)
            switch byte {
            case UInt8(ascii: "\""): result += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): result += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): result += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): result += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): result += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20, 0x7F:
                appendEscape(UInt32(byte), to: &result)
            case 0xE2:
                if let last = lineSeparator(utf8, at: index) {
                    appendEscape(last == 0xA8 ? 0x2028 : 0x2029, to: &result)
                    utf8.formIndex(&index, offsetBy: 2)
                } else {
                    result.append(byte)
                }
            default:
                result.append(byte)
            }
        }
        result.append(UInt8(ascii: "\""))
        return String(decoding: result, as: UTF8.self)
    }

    /// The last byte of U+2028 or U+2029 when the two bytes at `index` continue one (after `E2`).
    private static func lineSeparator(_ utf8: String.UTF8View, at index: String.Index) -> UInt8? {
        guard index != utf8.endIndex, utf8[index] == 0x80 else { return nil }
        let next = utf8.index(after: index)
        guard next != utf8.endIndex, utf8[next] == 0xA8 || utf8[next] == 0xA9 else { return nil }
        return utf8[next]
    }

    private static func appendEscape(_ value: UInt32, to result: inout [UInt8]) {
        result += Array(("\\u" + Hex.digits(value, width: 4).lowercased()).utf8)
    }
}
