import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// The user-editable Mustache templates of a theme, parsed once per build.
///
/// The theme built into Herald (`DefaultTemplates`) is the base, and every file in the site's
/// templates folder replaces the default file of the same path, as Hugo's theme lookup does:
/// a site may hold a whole theme, only `partials/footer.mustache`, or no `Templates/` at all.
/// Every `*.mustache` file is registered under its path without the extension
/// (`partials/timeline.mustache` → `partials/timeline`), so pages can use
/// `{{> partials/timeline}}` and `{{< layout}}`.
package struct TemplateSet: Sendable {
    let renderer: TemplateRenderer
    /// Each template's file as diagnostics name it, by template name.
    let templatePaths: [String: String]
    /// Non-template files (stylesheet, icons) copied to the output as they are.
    package let assets: [OutputFile]
    /// A hash of every file of the theme (names and bytes): part of each page's cache key.
    let fingerprint: StableHash
    /// The files (relative to the templates folder) that come from the site rather than from
    /// the built-in theme, sorted.
    package let siteFiles: [String]

    /// How diagnostics name a file of the built-in theme.
    static func defaultThemePath(_ relative: String) -> String { "(default theme) \(relative)" }

    package init(directory: String, displayRoot: String, fileSystem: any FileSystem) throws(ContentErrors) {
        var diagnostics: [Diagnostic] = []
        let display = relativePath(of: directory, to: displayRoot)
        let listing = fileSystem.files(below: directory)
        diagnostics += listing.problems.map { Self.diagnostic($0, display: display) }
        var files: [String: (data: Data, path: String)] = [:]
        for file in DefaultTemplates.all {
            files[file.path] = (file.data, Self.defaultThemePath(file.path))
        }
        for relative in listing.files {
            let path = "\(display)/\(relative)"
            do {
                files[relative] = (try fileSystem.readFile(at: "\(directory)/\(relative)"), path)
            } catch {
                files[relative] = nil
                diagnostics.append(
                    .error(
                        at: SourceLocation(path: path, line: 1, column: 1),
                        "cannot read template file: \(error.localizedDescription)"))
            }
        }
        var templates: [String: Template] = [:]
        var templatePaths: [String: String] = [:]
        var assets: [OutputFile] = []
        var hasher = StableHasher()
        for (relative, file) in files.sorted(by: { $0.key < $1.key }) {
            let location = SourceLocation(path: file.path, line: 1, column: 1)
            hasher.combine(relative)
            hasher.combine(file.data.count)
            file.data.withUnsafeBytes { hasher.combine(bytes: $0) }
            guard relative.hasSuffix(".mustache") else {
                if relative.hasPrefix("assets/") {
                    assets.append(OutputFile(path: relative, contents: file.data))
                }
                continue
            }
            guard let text = String(data: file.data, encoding: .utf8) else {
                diagnostics.append(.error(at: location, "template is not valid UTF-8"))
                continue
            }
            let name = String(relative.dropLast(".mustache".count))
            do throws(TemplateSyntaxError) {
                templates[name] = try TemplateParser.parse(text)
                templatePaths[name] = file.path
            } catch {
                var position = location
                position.line = error.line
                position.column = error.column
                diagnostics.append(.error(at: position, "template syntax: \(error.message)"))
            }
        }
        diagnostics += Self.unknownReferences(templates, paths: templatePaths, display: display)
        guard diagnostics.isEmpty else { throw ContentErrors(diagnostics) }
        self.renderer = TemplateRenderer(templates: templates)
        self.templatePaths = templatePaths
        self.assets = assets.sorted { $0.path < $1.path }
        self.fingerprint = hasher.finalize()
        self.siteFiles = listing.files.filter { files[$0] != nil }.sorted()
    }

    /// A partial or parent tag naming a template that exists neither in the site's folder nor in
    /// the built-in theme, at the tag.
    private static func unknownReferences(
        _ templates: [String: Template], paths: [String: String], display: String
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            for reference in template.references where templates[reference.name] == nil {
                diagnostics.append(
                    .error(
                        at: SourceLocation(
                            path: paths[name] ?? name, line: reference.line, column: reference.column),
                        "no template `\(reference.name)`: there is no \(display)/\(reference.name).mustache, "
                            + "and the default theme has none; check the name, or add the file"
                            + Suggestion.sentence(for: reference.name, in: Array(templates.keys))))
            }
        }
        return diagnostics
    }

    /// Renders a view model with a template, as UTF-8 (empty when the template does not exist).
    /// Fails only when templates nest too deep, i.e. when a partial includes itself.
    func render(_ model: TemplateValue, template: String) throws(ContentErrors) -> Data {
        do {
            return Data(try renderer.render(template, with: model) ?? [])
        } catch {
            throw ContentErrors([
                .error(
                    at: SourceLocation(
                        path: templatePaths[error.template] ?? error.template, line: 1, column: 1),
                    "templates nest more than \(TemplateRenderer.maximumNesting) deep (sections, partials and "
                        + "parents) rendering `\(template)`: does `\(error.template)` include itself, directly or "
                        + "through other partials?")
            ])
        }
    }

    /// Why the templates folder was not followed through an entry.
    private static func diagnostic(_ problem: FolderListing.Problem, display: String) -> Diagnostic {
        let path = problem.path.isEmpty ? display : "\(display)/\(problem.path)"
        let location = SourceLocation(path: path, line: 1, column: 1)
        switch problem.kind {
        case .revisited(let firstPath):
            let first = firstPath.isEmpty ? display : "\(display)/\(firstPath)"
            return .error(
                at: location,
                "this folder is `\(first)` again, reached through symbolic links (a loop of links, or a "
                    + "second link to one folder); remove the link")
        case .outside(let target):
            return .error(
                at: location,
                "symbolic link to `\(target)`, outside the templates folder: templates and assets are "
                    + "published, so they must lie inside it; copy the file in instead of linking to it")
        case .unreadable:
            return .error(at: location, "cannot read folder")
        }
    }

}
