import HeraldCore

/// Every content file of a site, plus the problems met while reading them.
package struct LoadedContent: Sendable {
    /// `site.yml` first, then incidents, maintenance and posts, each sorted by file name.
    package var files: [ContentFile]
    package var diagnostics: [Diagnostic]
    /// When the loader was asked to identify files: each incident, maintenance and post file
    /// as it saw it, by its path as in `ContentFile.path`.
    package var seen: [String: KnownFile]

    package init(files: [ContentFile], diagnostics: [Diagnostic] = [], seen: [String: KnownFile] = [:]) {
        self.files = files
        self.diagnostics = diagnostics
        self.seen = seen
    }
}
