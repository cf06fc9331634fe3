import HeraldCore

/// Namespaces footnote anchors so several rendered documents can share a page.
enum FootnoteIDs {
    /// gfm.6 writes `id="fn-<label>"` on each note, `id="fnref-<label>"` (`-2`, `-3`… for repeated
    /// references) on each reference, and `href="#…"` links between them. User text cannot
    /// produce these attribute spellings (cmark escapes `"` in text), so plain replacement only
    /// touches cmark's anchors and links the author pointed at them (`[see](#fn-1)`), which keep
    /// working. `prefix` is escaped for the attribute.
    static func prefixing(_ html: String, with prefix: String) -> String {
        guard !prefix.isEmpty, mayHaveFootnoteAnchors(html) else { return html }
        let escaped = XMLEscaping.escape(prefix)
        var result = html
        for attribute in ["id=\"", "href=\"#"] {
            for anchor in ["fn-", "fnref-"] {
                result = result.replacing(attribute + anchor, with: attribute + escaped + anchor)
            }
        }
        return result
    }

    /// Whether `html` has an `fn` right after a quote or `#` (where every anchor above starts):
    /// a byte scan, since nearly all texts have none (Foundation's `contains` is slow on Linux).
    private static func mayHaveFootnoteAnchors(_ html: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in html.utf8 {
            if byte == UInt8(ascii: "n"), previous == UInt8(ascii: "f"),
                beforePrevious == UInt8(ascii: "\"") || beforePrevious == UInt8(ascii: "#")
            {
                return true
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
