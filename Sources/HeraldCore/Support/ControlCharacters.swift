/// Which characters are control characters, and what Herald does about them in text.
///
/// Control characters are C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F). Tab and
/// line feed are the only ones content may hold; the rest ("stray" ones) are an error in titles
/// and names and are replaced with U+FFFD in Markdown, as cmark-gfm already does with NUL.
package enum ControlCharacters {
    /// U+FFFD, what a stray control character in Markdown becomes.
    package static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The hint after every error about a control character.
    package static let rule = "(tab and line feed are the only control characters text may hold)"

    /// C0, DEL or C1: the one rule for what a control character is.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// A control character other than tab and line feed.
    package static func isStray(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) && scalar != "\t" && scalar != "\n"
    }

    /// The first stray control character in `text`, if any.
    package static func firstStray(in text: String) -> Unicode.Scalar? {
        guard mayHoldStray(text) else { return nil }
        return text.unicodeScalars.first(where: isStray)
    }

    /// `text` with every stray control character replaced by U+FFFD.
    package static func replacingStray(in text: String) -> String {
        guard mayHoldStray(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(isStray(scalar) ? replacement : scalar)
        }
        return String(result)
    }

    /// `U+001B`, how messages name a character.
    package static func codePoint(_ scalar: Unicode.Scalar) -> String {
        "U+" + Hex.digits(scalar.value, width: 4)
    }

    /// A byte scan that is false for almost all text: no byte below 0x20 but tab and line feed,
    /// no DEL, and no 0xC2 lead byte (which starts every C1 character, and Latin-1 letters).
    private static func mayHoldStray(_ text: String) -> Bool {
        text.utf8.contains { byte in
            (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || byte == 0xC2
        }
    }
}
