import Foundation
import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// The validated site, or why there is none.
package struct ValidationResult: Sendable {
    /// nil exactly when some diagnostic is an error.
    package var site: Site?
    /// Errors and warnings of every file, sorted by path, line and column.
    package var diagnostics: [Diagnostic]
    /// The `ParseMemo` records this validation used, by key: the next build's memo.
    package var parses: [StableHash: MemoRecord]
    /// The documents of those records, their `file` left out (see `ParseMemo.documents`).
    package var documents: [StableHash: ParsedDocument]
    /// The links of every item's page texts, as their parses recorded them (`LinkCheck`).
    package var links: TextLinks

    package init(
        site: Site?, diagnostics: [Diagnostic], parses: [StableHash: MemoRecord] = [:],
        documents: [StableHash: ParsedDocument] = [:], links: TextLinks = TextLinks()
    ) {
        self.site = site
        self.diagnostics = diagnostics
        self.parses = parses
        self.documents = documents
        self.links = links
    }

    /// Files the loader left unread (`ContentFile.isUnread`) that no parse record stands for (the
    /// memo lost it, or `site.yml` changed what a parse reads): nothing was validated, so load
    /// them again, read, and validate that.
    package var unread: [String] = []

    /// Nothing validated, for want of the text of `unread`.
    init(unread: [String]) {
        self.init(site: nil, diagnostics: [])
        self.unread = unread
    }

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
