import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// The validated site, or why there is none.
package struct ValidationResult: Sendable {
    /// nil exactly when some diagnostic is an error.
    package var site: Site?
    /// Errors and warnings of every file, sorted by path, line and column.
    package var diagnostics: [Diagnostic]

    package init(site: Site?, diagnostics: [Diagnostic]) {
        self.site = site
        self.diagnostics = diagnostics
    }

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
