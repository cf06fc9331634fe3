/// Namespaces footnote anchors so several rendered documents can share a page.
enum FootnoteIDs {
    /// gfm.6 writes `id="fn-<label>"` on each note, `id="fnref-<label>"` (`-2`, `-3`… for repeated
    /// references) on each reference, and `href="#…"` links between them. User text cannot
    /// produce these attribute spellings (cmark escapes `"` in text), so plain replacement only
    /// touches cmark's anchors and links the author pointed at them (`[see](#fn-1)`), which keep
    /// working. `prefix` is escaped for the attribute.
    static func prefixing(_ html: String, with prefix: String) -> String {
        guard !prefix.isEmpty, html.contains("fn") else { return html }
        let escaped = XMLEscaping.escape(prefix)
        var result = html
        for attribute in ["id=\"", "href=\"#"] {
            for anchor in ["fn-", "fnref-"] {
                result = result.replacing(attribute + anchor, with: attribute + escaped + anchor)
            }
        }
        return result
    }
}
