import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct XMLEscapingTests {
    @Test(arguments: [
        ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&apos;"),
        ("a & b < c", "a &amp; b &lt; c"), ("&amp;", "&amp;amp;"),
    ])
    func escapesSpecialCharacters(input: String, expected: String) {
        #expect(XMLEscaping.escape(input) == expected)
    }

    @Test func keepsEmojiAndNonASCII() {
        #expect(XMLEscaping.escape("🔥 Ünïcode 📮 👩‍👩‍👧") == "🔥 Ünïcode 📮 👩‍👩‍👧")
    }

    @Test func keepsTabAndLineBreaks() {
        #expect(XMLEscaping.escape("a\tb\nc\r\nd") == "a\tb\nc\r\nd")
    }

    @Test func dropsCharactersXMLCannotCarry() {
        let forbidden = (0x0...0x1F).filter { ![0x9, 0xA, 0xD].contains($0) } + [0xFFFE, 0xFFFF]
        for value in forbidden {
            let scalar = Unicode.Scalar(UInt32(value)).map(String.init) ?? ""
            #expect(XMLEscaping.escape("a\(scalar)b") == "ab", "U+\(String(value, radix: 16))")
        }
        #expect(XMLEscaping.escape("\u{7F}\u{FFFD}") == "\u{7F}\u{FFFD}")
    }

    @Test func writerOutputRoundTripsThroughXMLParser() throws {
        let nasty = "<b>Tom & \"Jerry\"</b> 'quoted' 🔥\u{1}\u{B} end"
        var writer = XMLWriter()
        writer.element("root", [("title", nasty), ("plain", "x")]) { root in
            root.element("text", text: nasty)
            root.element("empty", [("href", "https://example.com/?a=1&b=2")])
            root.element("nested") { $0.element("leaf", text: "") }
        }
        let tree = try #require(XMLNode.parse(Data(writer.text.utf8)))
        let clean = "<b>Tom & \"Jerry\"</b> 'quoted' 🔥 end"
        #expect(tree.name == "root")
        #expect(tree.attributes["title"] == clean)
        #expect(tree.text("text") == clean)
        #expect(tree.first("empty")?.attributes["href"] == "https://example.com/?a=1&b=2")
        #expect(tree.first("nested")?.first("leaf")?.text == "")
        #expect(writer.text.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"))
    }
}

@Suite struct ICalendarTextTests {
    @Test(arguments: [
        ("a,b", "a\\,b"), ("a;b", "a\\;b"), ("a\\b", "a\\\\b"), ("a\nb", "a\\nb"), ("a\r\nb", "a\\nb"),
        ("a\rb", "a\\nb"), ("a\n\nb", "a\\n\\nb"), ("tab\there", "tab\there"),
        ("bell\u{7}del\u{7F}", "belldel"),
        ("🔥 <&> \"q\"", "🔥 <&> \"q\""),
    ])
    func escapesText(input: String, expected: String) {
        #expect(ICalendarText.escape(input) == expected)
    }

    @Test func shortLinesAreNotFolded() {
        let line = String(repeating: "x", count: 75)
        #expect(ICalendarText.fold(line) == line + "\r\n")
    }

    @Test(arguments: [
        String(repeating: "abcdefghij", count: 30),
        "SUMMARY:" + String(repeating: "é🔥📮ü", count: 40),
        "DESCRIPTION:" + String(repeating: "x", count: 73) + "🔥" + String(repeating: "€", count: 50),
    ])
    func foldsAt75OctetsWithoutSplittingUTF8(line: String) throws {
        let folded = ICalendarText.fold(line)
        let bytes = Array(folded.utf8)
        #expect(folded.hasSuffix("\r\n"))
        var physical: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                physical.append([])
                index += 2
            } else {
                physical[physical.count - 1].append(bytes[index])
                index += 1
            }
        }
        for (number, octets) in physical.enumerated() {
            #expect(octets.count <= 75)
            #expect(
                String(validating: octets, as: UTF8.self) != nil, "line \(number) splits a UTF-8 sequence")
            if number > 0 && !octets.isEmpty { #expect(octets.first == 32) }
        }
        #expect(physical.count > 2)
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line + "\r\n")
    }
}

@Suite struct EscapingTimestampTests {
    @Test func formatsUTCTimestamps() {
        let stamp = UTCTimestamp(Date(timeIntervalSince1970: 1_759_771_800.125))
        #expect(stamp.rfc3339 == "2025-10-06T17:30:00Z")
        #expect(stamp.iso8601Milliseconds == "2025-10-06T17:30:00.125Z")
        #expect(stamp.iCalendar == "20251006T173000Z")
        #expect(
            UTCTimestamp(Date(timeIntervalSince1970: 0)).iso8601Milliseconds == "1970-01-01T00:00:00.000Z")
    }
}
