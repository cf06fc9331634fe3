import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// The validated site, or why there is none.
public struct ValidationResult: Sendable {
    /// nil exactly when some diagnostic is an error.
    public var site: Site?
    /// Errors and warnings of every file, sorted by path, line and column.
    public var diagnostics: [Diagnostic]

    public init(site: Site?, diagnostics: [Diagnostic]) {
        self.site = site
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
