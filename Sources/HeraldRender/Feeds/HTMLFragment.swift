import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// A piece of HTML assembled from escaped text and already-rendered HTML.
struct HTMLFragment {
    private(set) var html = ""

    /// `<tag>text</tag>` with the text escaped.
    mutating func element(_ tag: String, text: String) {
        html += "<\(tag)>\(XMLEscaping.escape(text))</\(tag)>"
    }

    /// `<tag>…</tag>` around whatever `children` appends.
    mutating func element(_ tag: String, children: (inout HTMLFragment) -> Void) {
        html += "<\(tag)>"
        children(&self)
        html += "</\(tag)>"
    }

    /// Escaped text.
    mutating func text(_ text: String) { html += XMLEscaping.escape(text) }

    /// HTML rendered elsewhere (Markdown output), inserted as is.
    mutating func raw(_ renderedHTML: String) { html += renderedHTML }

    /// `<br>`.
    mutating func lineBreak() { html += "<br>" }

    /// `<p><strong>label:</strong> value</p>`.
    mutating func labelled(_ label: String, _ value: String) {
        element("p") {
            $0.element("strong", text: "\(label):")
            $0.text(" \(value)")
        }
    }
}
