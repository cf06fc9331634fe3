import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

/// `XMLEscaping.escape` works on UTF-8 bytes; it must agree with the scalar-by-scalar rule on
/// every mix of markup characters, controls, non-characters and multi-byte text.
@Suite struct XMLEscapingBytesTests {
    static func reference(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                switch scalar.value {
                case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
                    result.unicodeScalars.append(scalar)
                default: break
                }
            }
        }
        return result
    }

    @Test func agreesWithTheScalarRule() {
        let pieces = [
            "a", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{1F}", "\u{7F}", "é", "e\u{301}",
            "\u{FFFE}",
            "\u{FFFF}", "\u{FFFD}", "\u{FEFF}", "\u{EFBF}", "🔥", "👩‍👩‍👧", "\u{E000}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }
            .joined()
            #expect(
                XMLEscaping.escape(text) == Self.reference(text), "\(text.unicodeScalars.map { $0.value })")
        }
    }
}
