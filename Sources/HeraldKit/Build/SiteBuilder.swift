import Foundation

/// The whole pipeline: load → validate → derive → render. Writing is the caller's last step,
/// so a build that fails at any stage writes nothing.
public enum SiteBuilder {
    /// What a successful render produced.
    public struct Rendered: Sendable {
        public var site: Site
        public var status: SiteStatus
        public var files: [OutputFile]
        /// Warnings found on the way (errors stop the build instead).
        public var warnings: [Diagnostic]
    }

    /// Loads and validates the content. Throws `LoadFailure` only when folders cannot be read.
    public static func check(_ options: BuildOptions, fileSystem: any FileSystem) throws -> ValidationResult {
        let content = try ContentLoader(fileSystem: fileSystem)
            .load(contentDirectory: options.contentDirectory, displayRoot: options.siteRoot)
        return SiteValidator.validate(
            content, options: ValidationOptions(includeDrafts: options.includeDrafts, baseURLOverride: options.baseURL))
    }

    /// Runs every stage but writing. Content or template errors come back as `ContentErrors`.
    public static func render(_ options: BuildOptions, fileSystem: any FileSystem) throws -> Rendered {
        let validation = try check(options, fileSystem: fileSystem)
        var diagnostics = validation.diagnostics
        let templates: TemplateSet?
        do {
            templates = try TemplateSet(
                directory: options.templatesDirectory, displayRoot: options.siteRoot, fileSystem: fileSystem)
        } catch {
            diagnostics += error.diagnostics
            templates = nil
        }
        guard let fullSite = validation.site, let templates else { throw ContentErrors(diagnostics) }

        let site = SiteSnapshot.asOf(fullSite, now: options.now)
        let status = StatusDeriver.derive(site, now: options.now)
        let markdown = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: site.config.unsafeHTML))
        let content = ContentRenderer.render(site, markdown: markdown)
        var files = PageRenderer.render(site: site, status: status, content: content, templates: templates)
        files += templates.assets
        return Rendered(site: site, status: status, files: files, warnings: diagnostics)
    }
}
