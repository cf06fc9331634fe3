import HeraldCore

/// How Markdown is rendered (`site.yml` `markdown:`).
package struct MarkdownOptions: Hashable, Sendable {
    /// Let raw HTML through (`markdown.unsafe_html`). Link schemes are still filtered, in Markdown
    /// links and (best effort) in the `href`/`src`-like attributes of the raw HTML.
    package var unsafeHTML: Bool

    package init(unsafeHTML: Bool = false) {
        self.unsafeHTML = unsafeHTML
    }
}
