import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// The user-editable Mustache templates of a theme, parsed once per build.
///
/// Every `*.mustache` file under the templates folder is registered under its path without
/// the extension (`partials/timeline.mustache` → `partials/timeline`), so pages can use
/// `{{> partials/timeline}}` and `{{< layout}}`.
package struct TemplateSet: Sendable {
    let renderer: TemplateRenderer
    /// The templates folder as diagnostics name it.
    let displayDirectory: String
    /// Non-template files (stylesheet, icons) copied to the output as they are.
    package let assets: [OutputFile]
    /// A hash of every file of the theme (names and bytes): part of each page's cache key.
    let fingerprint: StableHash

    /// Templates every theme must provide.
    static let requiredTemplates = [
        "layout", "index", "cluster", "event", "history", "blog", "post", "tag", "404",
    ]

    package init(directory: String, displayRoot: String, fileSystem: any FileSystem) throws(ContentErrors) {
        var templates: [String: Template] = [:]
        var assets: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        var hasher = StableHasher()
        let display = relativePath(of: directory, to: displayRoot)
        let listing = fileSystem.files(below: directory)
        diagnostics += listing.problems.map { Self.diagnostic($0, display: display) }
        for relative in listing.files {
            let location = SourceLocation(path: "\(display)/\(relative)", line: 1, column: 1)
            let data: Data
            do {
                data = try fileSystem.readFile(at: "\(directory)/\(relative)")
            } catch {
                diagnostics.append(
                    .error(at: location, "cannot read template file: \(error.localizedDescription)"))
                continue
            }
            hasher.combine(relative)
            hasher.combine(data.count)
            data.withUnsafeBytes { hasher.combine(bytes: $0) }
            guard relative.hasSuffix(".mustache") else {
                if relative.hasPrefix("assets/") { assets.append(OutputFile(path: relative, contents: data)) }
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error(at: location, "template is not valid UTF-8"))
                continue
            }
            do throws(TemplateSyntaxError) {
                templates[String(relative.dropLast(".mustache".count))] = try TemplateParser.parse(text)
            } catch {
                var position = location
                position.line = error.line
                position.column = error.column
                diagnostics.append(.error(at: position, "template syntax: \(error.message)"))
            }
        }
        for name in Self.requiredTemplates where templates[name] == nil && diagnostics.isEmpty {
            diagnostics.append(
                .error(
                    at: SourceLocation(path: display, line: 1, column: 1), "missing template \(name).mustache"
                ))
        }
        guard diagnostics.isEmpty else { throw ContentErrors(diagnostics) }
        self.renderer = TemplateRenderer(templates: templates)
        self.displayDirectory = display
        self.assets = assets.sorted { $0.path < $1.path }
        self.fingerprint = hasher.finalize()
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
                        path: "\(displayDirectory)/\(error.template).mustache", line: 1, column: 1),
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
