/// Text encoding for iCalendar (RFC 5545) content lines.
package enum ICalendarText {
    /// The line terminator RFC 5545 requires.
    static let lineBreak = "\r\n"
    /// Longest content line, in octets, excluding the line break.
    static let maximumLineOctets = 75

    /// Escapes a TEXT value (§3.3.11): `\` `;` `,` and newlines (CRLF, CR or LF become `\n`);
    /// other control characters, which TEXT cannot carry, are dropped (tab is kept).
    static func escape(_ text: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCR { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Folds one content line (§3.1): no physical line longer than 75 octets, continuation
    /// lines start with a space, and a UTF-8 sequence is never split. Ends with CRLF.
    static func fold(_ line: String) -> String {
        var result = ""
        var octetsOnLine = 0
        for scalar in line.unicodeScalars {
            let octets = UTF8.width(scalar)
            if octetsOnLine + octets > maximumLineOctets {
                result += lineBreak + " "
                octetsOnLine = 1
            }
            result.unicodeScalars.append(scalar)
            octetsOnLine += octets
        }
        return result + lineBreak
    }

    /// `NAME:value` with the value escaped as TEXT, folded.
    package static func textProperty(_ name: String, _ value: String) -> String {
        fold("\(name):\(escape(value))")
    }

    /// `NAME:value` for values that are not TEXT (dates, URIs, enumerations), folded.
    package static func property(_ name: String, _ value: String) -> String {
        fold("\(name):\(value)")
    }
}
