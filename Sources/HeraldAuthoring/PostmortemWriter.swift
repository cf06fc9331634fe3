import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate
import Yams

/// `herald postmortem SLUG`: adds `postmortem:` (its `published` time and a Markdown `body`) to a
/// resolved incident's front matter, adding lines only, checked with the whole site first.
package struct PostmortemWriter: Sendable {
    package struct Request: Sendable {
        package var slug: String
        /// The Markdown to publish; nil: the postmortem template, filled in from the incident.
        package var body: String?
        /// When it goes public (pages and the API leave it out until then).
        package var published: Date
        package var now: Date

        package init(slug: String, body: String?, published: Date, now: Date) {
            self.slug = slug
            self.body = body
            self.published = published
            self.now = now
        }
    }

    package struct Outcome: Sendable, Equatable {
        package var path: String
        package var published: Date
        /// The body came from the template (to be completed before it is published).
        package var fromTemplate: Bool
    }

    package let site: AuthoringSite
    let writer: any ContentFileWriter

    package init(site: AuthoringSite, writer: any ContentFileWriter) {
        self.site = site
        self.writer = writer
    }

    package func write(_ request: Request) throws -> Outcome {
        let found = try ItemFinder(site: site).find(request.slug)
        guard case .incident(let incident) = found.item else {
            throw UpdateFailure.incidentsOnly("a postmortem")
        }
        guard let resolved = incident.resolved, resolved <= request.now else {
            throw UpdateFailure.postmortemUnresolved(slug: incident.slug)
        }
        guard incident.postmortem == nil else { throw UpdateFailure.postmortemExists }
        let body = try request.body ?? templateBody(for: incident, now: request.now)
        guard !body.allSatisfy(\.isWhitespace) else { throw UpdateFailure.emptyMessage }
        if let stray = ControlCharacters.firstStray(in: SourceText.normalizeLineEndings(body)) {
            throw UpdateFailure.controlCharacter(stray)
        }
        try CheckedReplacement(site: site, writer: writer).replace(at: found.path) { original in
            do {
                return try TimelineAppender.addingPostmortem(
                    published: request.published, body: body, to: original)
            } catch {
                throw UpdateFailure.cannotEdit("\(error)")
            }
        }
        return Outcome(path: found.path, published: request.published, fromTemplate: request.body == nil)
    }

    /// The unknown placeholders of the site's `Content/templates/postmortem.md`, if it has one.
    package static func templateDiagnostics(site: AuthoringSite) -> [Diagnostic] {
        let path = joinPath(site.options.contentDirectory, PostmortemTemplate.path)
        guard let data = try? site.fileSystem.readFile(at: path), let text = SourceText.decode(data) else {
            return []
        }
        do {
            _ = try PlaceholderText(text: text, path: site.displayPath(path)).filled(
                Dictionary(uniqueKeysWithValues: PostmortemTemplate.names.map { ($0, "") }))
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The site's `Content/templates/postmortem.md` (or the built-in one), filled in.
    private func templateBody(for incident: Incident, now: Date) throws -> String {
        let path = joinPath(site.options.contentDirectory, PostmortemTemplate.path)
        var text = PostmortemTemplate.builtIn
        if site.fileSystem.fileExists(at: path) {
            guard let data = try? site.fileSystem.readFile(at: path), let read = SourceText.decode(data)
            else {
                throw UpdateFailure.unreadable(site.displayPath(path))
            }
            text = read
        }
        let template = PlaceholderText(text: text, path: site.displayPath(path))
        do {
            return try template.filled(PostmortemTemplate.values(for: incident, site: site, now: now))
        } catch {
            throw UpdateFailure.invalid(error.diagnostics)
        }
    }
}

extension TimelineAppender {
    /// `text` with a `postmortem:` block (`published`, then `body` as a block scalar) added as the
    /// front matter's last key; every other line stays as it was, which a read-back checks.
    static func addingPostmortem(published: Date, body: String, to text: String) throws(Failure) -> String {
        var layout = try read(text)
        guard layout.key("postmortem") == nil else {
            throw .unexpectedResult("`postmortem` is already there")
        }
        let indent = layout.keys.first?.indent ?? 0
        let pad = String(repeating: " ", count: indent)
        let block = YAMLScalar.block(body, indent: indent + 4, indentationIndicator: 2)
        layout.source.insert(
            [
                "\(pad)postmortem:", "\(pad)  published: \(Timestamp.format(published))",
                "\(pad)  body: \(block.indicator)",
            ]
                + block.lines, at: layout.closingLine)
        let edited = layout.source.text
        try AppendCheck.verifyPostmortem(original: text, edited: edited, published: published, body: body)
        return edited
    }
}

extension AppendCheck {
    /// The edited file says what the original said, plus exactly the postmortem meant.
    static func verifyPostmortem(original: String, edited: String, published: Date, body: String)
        throws(TimelineAppender.Failure)
    {
        let (oldFields, oldBody) = try read(original)
        let (newFields, newBody) = try read(edited)
        guard oldBody == newBody else { throw .unexpectedResult("the body changed") }
        for (name, value) in oldFields where newFields[name] != value {
            throw .unexpectedResult("`\(name)` changed")
        }
        let expected =
            YAMLScalar.block(body, indent: 0, indentationIndicator: 2).lines.joined(separator: "\n") + "\n"
        guard newFields.count == oldFields.count + 1, let postmortem = newFields["postmortem"]?.mapping,
            postmortem.count == 2, postmortem["published"]?.string == Timestamp.format(published),
            postmortem["body"]?.string == expected
        else { throw .unexpectedResult("the postmortem does not read back as written") }
    }
}
