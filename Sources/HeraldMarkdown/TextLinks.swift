import HeraldCore

/// The links of Markdown texts, by where each text starts in its file. A file's parse records
/// them (and its parse record keeps them), so checking links across the site parses no text
/// again.
///
/// Only texts that could hold a link into the site are recorded; `links(in:)` is nil for the
/// others, and for any text it was not made from.
package struct TextLinks: Sendable, Codable, Equatable {
    private var byStart: [SourceLocation: [MarkdownLink]] = [:]

    package init() {}

    /// The links of those `texts` that could hold one into the site. Links do not depend on
    /// `unsafe_html` (it only decides whether raw HTML is kept, and raw HTML makes no link
    /// nodes), so the default renderer finds what every site's pages keep.
    package init(of texts: [MarkdownText], markdown: MarkdownRenderer = MarkdownRenderer()) {
        for text in texts where Self.mayLinkIntoSite(text.source) {
            byStart[text.location] = markdown.links(text.source)
        }
    }

    /// The links of `text`, in document order; nil when they were not recorded.
    package func links(in text: MarkdownText) -> [MarkdownLink]? { byStart[text.location] }

    /// All of `parts` in one (a text recorded twice keeps its first record).
    package init(merging parts: [TextLinks]) {
        byStart.reserveCapacity(parts.reduce(0) { $0 + $1.byStart.count })
        for part in parts { byStart.merge(part.byStart) { first, _ in first } }
    }

    package var isEmpty: Bool { byStart.isEmpty }

    /// Whether `source` has the marks of an inline or reference link (`](`, `]:`), or of an
    /// autolink that can name the site (`://`, `www.`). Any other link leads off the site
    /// (`mailto:`, another scheme), so there is nothing to check in it.
    private static func mayLinkIntoSite(_ source: String) -> Bool {
        ByteSearch.contains("](", in: source) || ByteSearch.contains("]:", in: source)
            || ByteSearch.contains("://", in: source) || ByteSearch.contains("www.", in: source)
    }
}
