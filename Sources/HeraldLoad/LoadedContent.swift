import HeraldCore

/// Every content file of a site, plus the problems met while reading them.
public struct LoadedContent: Sendable {
    /// `site.yml` first, then incidents, maintenance and posts, each sorted by file name.
    public var files: [ContentFile]
    public var diagnostics: [Diagnostic]

    public init(files: [ContentFile], diagnostics: [Diagnostic] = []) {
        self.files = files
        self.diagnostics = diagnostics
    }
}
