import Foundation
import HeraldCore
import HeraldDerive

/// The pieces of RFC 5322 / MIME a plain-text notification needs: header encoding and folding,
/// quoted-printable bodies, dates.
enum MIMEText {
    static let crlf = "\r\n"

    /// A header field, its value made safe (no line breaks), encoded (RFC 2047) when not ASCII,
    /// and folded to lines of at most 78 characters where it has room to.
    static func header(_ name: String, _ value: String) -> String {
        let flat = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        let words = flat.unicodeScalars.allSatisfy(\.isASCII) ? asciiWords(flat) : encodedWords(flat)
        var lines: [String] = []
        var line = "\(name):"
        for word in words {
            if line.count + 1 + word.count > 78 && line.count > name.count + 1 {
                lines.append(line)
                line = ""
            }
            line += " " + word
        }
        lines.append(line)
        return lines.joined(separator: crlf)
    }

    /// An address such as `Status Team <status@example.com>`, its display name encoded when not
    /// ASCII (the address itself must be ASCII).
    static func addressHeader(_ name: String, _ address: String) -> String {
        let flat = address.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        guard !flat.unicodeScalars.allSatisfy(\.isASCII), let open = flat.lastIndex(of: "<"),
            flat.hasSuffix(">")
        else { return header(name, flat) }
        let display = flat[..<open].trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        let angle = String(flat[open...])
        return "\(name): " + (encodedWords(display) + [angle]).joined(separator: crlf + " ")
    }

    /// A display name for an address or `List-Id` (RFC 5322 phrase): a quoted string when it is
    /// ASCII, encoded words (RFC 2047) otherwise; control characters become spaces.
    static func phrase(_ text: String) -> String {
        let clean = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? " " : $0 }))
        guard clean.unicodeScalars.allSatisfy(\.isASCII) else {
            return encodedWords(clean).joined(separator: " ")
        }
        let escaped = clean.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }

    private static func asciiWords(_ value: String) -> [String] {
        value.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words of at most 68 characters, split between characters (never
    /// inside one), so `Subject: ` and the first word fit in 78.
    static func encodedWords(_ text: String) -> [String] {
        let maxBytes = 42  // 56 base64 characters + 12 of framing
        var words: [String] = []
        var chunk = Data()
        for character in text {
            let bytes = Data(String(character).utf8)
            if !chunk.isEmpty && chunk.count + bytes.count > maxBytes {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk.removeAll()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words
    }

    /// Quoted-printable (RFC 2045 §6.7) of UTF-8 text with `\n` line ends: CRLF hard breaks,
    /// lines of at most 76 characters. A leading `.` or `From ` is encoded too, so the body
    /// survives SMTP and mbox untouched.
    static func quotedPrintable(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let bytes = Array(line.utf8)
            var tokens: [String] = []
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                let literal =
                    (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last)
                let guarded = index == 0 && (byte == 46 || (byte == 70 && line.hasPrefix("From ")))
                tokens.append(literal && !guarded ? String(UnicodeScalar(byte)) : hex(byte))
            }
            var output: [String] = []
            var current = ""
            for token in tokens {
                if current.count + token.count > 75 {
                    output.append(current + "=")
                    current = ""
                }
                current += token
            }
            output.append(current)
            return output.joined(separator: crlf)
        }.joined(separator: crlf)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
    }

    /// `Mon, 06 Oct 2025 18:00:00 +0000` (RFC 5322 §3.3), in UTC.
    static func date(_ time: UTCTimestamp) -> String {
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(weekdays[time.weekday]), \(UTCTimestamp.pad(time.day, 2)) \(months[time.month - 1]) "
            + "\(UTCTimestamp.pad(time.year, 4)) \(time.clock):\(UTCTimestamp.pad(time.second, 2)) +0000"
    }

    /// A 64-bit FNV-1a hash in hex: stable across runs and platforms, for Message-IDs.
    static func stableHash(_ text: String) -> String {
        let digits = String(FNV1a.hash(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
