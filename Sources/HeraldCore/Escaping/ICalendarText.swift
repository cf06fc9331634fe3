/// Text encoding for iCalendar (RFC 5545) content lines.
package enum ICalendarText {
    /// The line terminator RFC 5545 requires.
    static let lineBreak = "\r\n"
    /// Longest content line, in octets, excluding the line break.
    static let maximumLineOctets = 75

    /// Escapes a TEXT value (§3.3.11): `\` `;` `,` and newlines (CRLF, CR or LF become `\n`);
    /// other control characters, which TEXT cannot carry, are dropped (tab is kept).
    ///
    /// On UTF-8 bytes (every byte of a character above U+007F is above 0x7F, so only ASCII bytes
    /// are looked at): appending scalar by scalar made the calendars the costliest file of a
    /// rebuild at 10,000 incidents.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x3B || $0 == 0x2C })
        else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 16)
        var previousWasCR = false
        for byte in utf8 {
            defer { previousWasCR = byte == 0x0D }
            switch byte {
            case 0x5C, 0x3B, 0x2C: result += [0x5C, byte]  // \ ; ,
            case 0x0D: result += [0x5C, 0x6E]  // CR: \n
            case 0x0A: if !previousWasCR { result += [0x5C, 0x6E] }
            case 0x09: result.append(byte)
            case 0..<0x20, 0x7F: break
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Folds one content line (§3.1): no physical line longer than 75 octets, continuation
    /// lines start with a space, and a UTF-8 sequence is never split. Ends with CRLF.
    static func fold(_ line: String) -> String {
        let utf8 = line.utf8
        guard utf8.count > maximumLineOctets else { return line + lineBreak }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + utf8.count / 36 * 3 + 2)
        var octetsOnLine = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let lead = utf8[index]
            let octets = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            if octetsOnLine + octets > maximumLineOctets {
                result += [0x0D, 0x0A, 0x20]
                octetsOnLine = 1
            }
            for _ in 0..<octets where index != utf8.endIndex {
                result.append(utf8[index])
                index = utf8.index(after: index)
            }
            octetsOnLine += octets
        }
        result += [0x0D, 0x0A]
        return String(decoding: result, as: UTF8.self)
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
