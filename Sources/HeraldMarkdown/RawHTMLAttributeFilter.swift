import HeraldCore

/// Best-effort scheme filtering inside raw HTML the site owner allowed (`unsafe_html`): a URL
/// attribute (`href`, `src`, …) whose value `URLSchemePolicy` refuses is removed from its tag.
/// Not a sanitizer: event handlers and scripts pass, as the option promises.
enum RawHTMLAttributeFilter {
    static let urlAttributes: Set<String> = [
        "action", "background", "cite", "data", "dynsrc", "formaction", "href", "lowsrc", "ping",
        "poster", "src", "srcset", "xlink:href",
    ]

    static func neutralise(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, isLetter(bytes[index + 1]) {
                index = copyTag(bytes, from: index, into: &output)
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Copies the tag opening at `start` (`<name attributes`, not its `>`) without refused URL
    /// attributes; returns where copying stopped.
    private static func copyTag(_ bytes: [UInt8], from start: Int, into output: inout [UInt8]) -> Int {
        var index = start + 1
        while index < bytes.count, !isSpace(bytes[index]), !isOneOf(bytes[index], "/>") {
            index += 1
        }
        output += bytes[start..<index]
        while index < bytes.count {
            let gapStart = index
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                index += 1
            }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else {
                output += bytes[gapStart..<index]
                break
            }
            let nameStart = index
            index += 1  // a name may start with "="
            while index < bytes.count, !isSpace(bytes[index]), !isOneOf(bytes[index], "/>=") {
                index += 1
            }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            let value = attributeValue(bytes, after: index)
            index = value?.end ?? index
            if let value, urlAttributes.contains(name),
                !URLSchemePolicy.allows(decodeCharacterReferences(value.text))
            {
                // Drop the gap too, unless that would glue the neighbours together.
                if index < bytes.count, !isSpace(bytes[index]), !isOneOf(bytes[index], "/>") {
                    output += bytes[gapStart..<nameStart]
                }
            } else {
                output += bytes[gapStart..<index]
            }
        }
        return index
    }

    /// The value of an attribute whose name ends at `index` (`= "v"`, `='v'` or `=v`), if any.
    private static func attributeValue(_ bytes: [UInt8], after nameEnd: Int) -> (text: String, end: Int)? {
        var index = nameEnd
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return ("", index) }
        let quote = bytes[index]
        if isOneOf(quote, "\"'") {
            let valueStart = index + 1
            var valueEnd = valueStart
            while valueEnd < bytes.count, bytes[valueEnd] != quote { valueEnd += 1 }
            let text = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            return (text, min(valueEnd + 1, bytes.count))
        }
        let valueStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
            index += 1
        }
        return (String(decoding: bytes[valueStart..<index], as: UTF8.self), index)
    }

    private static let namedReferences: [String: Unicode.Scalar] = [
        "amp": "&", "colon": ":", "newline": "\n", "num": "#", "quest": "?", "sol": "/", "tab": "\t",
    ]

    /// Decodes numeric character references (with or without `;`, as browsers do) and the named
    /// ones that matter for finding a scheme; other named references stay as written, which makes
    /// a scheme containing them unknown, hence refused.
    static func decodeCharacterReferences(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&" else {
                output.append(scalars[index])
                index += 1
                continue
            }
            if let (scalar, end) = reference(in: scalars, at: index) {
                output.append(scalar)
                index = end
            } else {
                output.append("&")
                index += 1
            }
        }
        return String(output)
    }

    /// The character reference starting with the `&` at `start`, and the index after it.
    private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        if index < scalars.count, scalars[index] == "#" {
            index += 1
            var radix: UInt32 = 10
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
                radix = 16
                index += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while index < scalars.count, let digit = Character(scalars[index]).hexDigitValue,
                UInt32(digit) < radix
            {
                value = min(value * radix + UInt32(digit), 0x11_0000)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (scalar ?? "\u{FFFD}", index)
        }
        while index < scalars.count, isASCIIAlphanumeric(scalars[index]) {
            index += 1
        }
        guard index < scalars.count, scalars[index] == ";" else { return nil }
        let name = String(String.UnicodeScalarView(scalars[(start + 1)..<index])).lowercased()
        guard let scalar = namedReferences[name] else { return nil }
        return (scalar, index + 1)
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (isLetter(UInt8(scalar.value)) || ("0"..."9").contains(scalar))
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func isOneOf(_ byte: UInt8, _ set: StaticString) -> Bool {
        UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount).contains(byte)
    }
}
