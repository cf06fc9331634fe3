/// Text made safe to show on a terminal (and in the other plain-text forms Herald writes): no
/// control character but tab and line feed reaches it raw, so text from a content or state file
/// cannot move the cursor, clear the screen, set the window title or overwrite a line.
///
/// Each such character is shown as `\xHH`, its code point in two uppercase hex digits: ESC as
/// `\x1B`, CR as `\x0D`, DEL as `\x7F`, NEL as `\x85`. Backslashes are shown as they are.
package enum TerminalText {
    /// `text` with every control character but tab escaped; line feeds too, unless
    /// `keepingLineBreaks` (for a value shown inside one line, so it cannot fake another).
    package static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            ControlCharacters.isStray(scalar) || (scalar == "\n" && !keepingLineBreaks)
        }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if escapes(scalar) {
                result += "\\x" + Hex.digits(scalar.value, width: 2)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
