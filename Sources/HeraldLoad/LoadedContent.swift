import HeraldCore

/// Every content file of a site, plus the problems met while reading them.
package struct LoadedContent: Sendable {
    /// `site.yml` first, then incidents, maintenance and posts, each sorted by file name.
    package var files: [ContentFile]
    package var diagnostics: [Diagnostic]

    package init(files: [ContentFile], diagnostics: [Diagnostic] = []) {
        self.files = files
        self.diagnostics = diagnostics
    }
}
