/// JSON string literals safe to embed in an HTML `<script>` element (JSON-LD). Besides what
/// JSON requires (`"`, `\` and control characters escaped), `<`, `>` and `&` become `\u003c`,
/// `\u003e` and `\u0026`, so no `</script>` or `<!--` can end or change the element, and
/// U+2028 / U+2029 become `\u2028` / `\u2029`, which older JavaScript parsers take for line
/// ends. A JSON parser reads the same text back.
package enum ScriptJSON {
    package static func string(_ text: String) -> String {
        var result = "\""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                result += "\\u" + Hex.digits(scalar.value, width: 4).lowercased()
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u" + Hex.digits(scalar.value, width: 4).lowercased()
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
