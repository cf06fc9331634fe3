import Foundation
import Mustache

/// The user-editable Mustache templates of a theme, parsed once per build.
///
/// Every `*.mustache` file under the templates folder is registered under its path without
/// the extension (`partials/timeline.mustache` → `partials/timeline`), so pages can use
/// `{{> partials/timeline}}` and `{{< layout}}`.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Non-template files (stylesheet, icons) copied to the output as they are.
    public let assets: [OutputFile]

    /// Templates every theme must provide.
    static let requiredTemplates = ["layout", "index", "cluster", "event", "history", "blog", "post", "tag", "404"]

    public init(directory: String, displayRoot: String, fileSystem: any FileSystem) throws(ContentErrors) {
        var library = MustacheLibrary()
        var assets: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        let display = Self.displayPath(directory, root: displayRoot)
        for relative in Self.files(in: directory, fileSystem: fileSystem) {
            let location = SourceLocation(path: "\(display)/\(relative)", line: 1, column: 1)
            guard let data = try? fileSystem.readFile(at: "\(directory)/\(relative)") else {
                diagnostics.append(.error(at: location, "cannot read template file"))
                continue
            }
            guard relative.hasSuffix(".mustache") else {
                if relative.hasPrefix("assets/") { assets.append(OutputFile(path: relative, contents: data)) }
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error(at: location, "template is not valid UTF-8"))
                continue
            }
            do {
                try library.register(text, named: String(relative.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                var position = location
                position.line = error.context.lineNumber
                position.column = error.context.columnNumber
                diagnostics.append(.error(at: position, "template syntax: \(error.error)"))
            } catch {
                diagnostics.append(.error(at: location, "template syntax: \(error)"))
            }
        }
        for name in Self.requiredTemplates where library.getTemplate(named: name) == nil && diagnostics.isEmpty {
            diagnostics.append(
                .error(at: SourceLocation(path: display, line: 1, column: 1), "missing template \(name).mustache"))
        }
        guard diagnostics.isEmpty else { throw ContentErrors(diagnostics) }
        self.library = library
        self.assets = assets.sorted { $0.path < $1.path }
    }

    /// Renders a view model with a template; nil when the template does not exist.
    func render(_ model: Any, template: String) -> String? {
        library.render(model, withTemplate: template)
    }

    /// Relative paths of all regular, non-hidden files below `directory`, sorted.
    private static func files(in directory: String, fileSystem: any FileSystem, prefix: String = "") -> [String] {
        let names = ((try? fileSystem.contentsOfDirectory(at: directory)) ?? []).sorted()
        return names.filter { !$0.hasPrefix(".") }.flatMap { name -> [String] in
            let path = "\(directory)/\(name)"
            return fileSystem.isDirectory(at: path)
                ? files(in: path, fileSystem: fileSystem, prefix: prefix + name + "/") : [prefix + name]
        }
    }

    static func displayPath(_ path: String, root: String) -> String {
        let rootPrefix = root.hasSuffix("/") ? root : root + "/"
        if root != ".", path.hasPrefix(rootPrefix) { return String(path.dropFirst(rootPrefix.count)) }
        if path.hasPrefix("./") { return String(path.dropFirst(2)) }
        return path
    }
}
