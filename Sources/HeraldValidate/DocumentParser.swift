import Foundation
import HeraldCore
import HeraldLoad
import HeraldMarkdown
import Yams

/// Reads one incident, maintenance or post file: front matter, fields, body.
package struct DocumentParser {
    var reader: YAMLReader
    let file: ContentFile
    let catalog: Catalog?
    /// `site.yml`'s zone, for blog dates without a time.
    let timeZone: TimeZone
    var document: ParsedDocument

    private init(file: ContentFile, frontMatter: FrontMatter, catalog: Catalog?, timeZone: TimeZone) {
        self.file = file
        self.catalog = catalog
        self.timeZone = timeZone
        self.reader = YAMLReader(
            path: file.path, yaml: frontMatter.yaml, firstLine: frontMatter.yamlFirstLine)
        self.document = ParsedDocument(file: file, slug: nil, slugLocation: Self.start(of: file))
    }

    static func start(of file: ContentFile) -> SourceLocation {
        SourceLocation(path: file.path, line: 1, column: 1)
    }

    package static func parse(_ file: ContentFile, catalog: Catalog?, timeZone: TimeZone) -> ParsedDocument {
        let frontMatter: FrontMatter
        switch FrontMatter.split(file.text) {
        case .success(let split):
            frontMatter = split
        case .failure(let problem):
            var document = ParsedDocument(file: file, slug: nil, slugLocation: start(of: file))
            if Slug.isValid(file.baseName) { document.slug = file.baseName }
            let message =
                switch problem {
                case .missingOpening:
                    "missing front matter: the file must start with a `---` line, then YAML fields, then `---`"
                case .missingClosing:
                    "front matter is not closed: add a `---` line after the YAML fields"
                }
            document.diagnostics = [.error(at: start(of: file), message)]
            return document
        }
        var parser = DocumentParser(
            file: file, frontMatter: frontMatter, catalog: catalog, timeZone: timeZone)
        parser.parse(frontMatter)
        parser.document.diagnostics = parser.reader.diagnostics
        if let item = parser.document.item {
            let links = TextLinks(of: item.pageTexts)
            parser.document.links = links.isEmpty ? nil : links
            if case .post(let post) = item, let warning = ContentWarnings.missingSummary(post) {
                parser.document.diagnostics.append(warning)
            }
        }
        return parser.document
    }

    static func keys(for kind: ContentKind) -> [String] {
        switch kind {
        case .site: []
        case .incident:
            [
                "title", "started", "resolved", "impact", "affected", "updates", "questions", "related",
                "slug", "draft", "postmortem",
            ]
        case .maintenance:
            [
                "title", "window", "cancelled", "rescheduled", "repeat", "skip", "affected", "updates",
                "questions", "related", "slug", "draft",
            ]
        case .post:
            [
                "title", "date", "author", "summary", "tags", "clusters", "incidents", "questions", "slug",
                "draft",
            ]
        }
    }

    private mutating func parse(_ frontMatter: FrontMatter) {
        let noun = file.kind.noun
        let fields = reader.root(
            known: Self.keys(for: file.kind), what: "the \(noun)'s front matter",
            emptyLocation: Self.start(of: file))
        readSlug(fields)
        guard let fields else { return }
        if let node = fields["draft"] { document.isDraft = reader.bool(node, field: "draft") ?? false }
        let title = reader.required(fields, "title", in: "the \(noun)'s front matter").flatMap {
            reader.nonEmptyText($0, field: "title")
        }
        let body = MarkdownText(
            frontMatter.body, at: SourceLocation(path: file.path, line: frontMatter.bodyFirstLine, column: 1))
        let bodyFits = reader.checkMarkdown(body, field: "the body")
        let questions = fields["questions"].map { self.questions($0) } ?? []

        let header = Header(title: title, body: bodyFits ? body : nil, questions: questions)
        switch file.kind {
        case .incident: document.item = incident(fields, header).map { .incident($0) }
        case .maintenance: document.item = maintenance(fields, header).map { .maintenance($0) }
        case .post: document.item = post(fields, header).map { .post($0) }
        case .site: break
        }
        if reader.hasErrors { document.item = nil }
    }

    /// The fields every kind shares, read before the kind-specific ones.
    struct Header {
        var title: String?
        var body: MarkdownText?
        var questions: [Question]
    }

    /// `slug:` when given, else the file name; either must be a valid slug.
    private mutating func readSlug(_ fields: Fields?) {
        if let node = fields?["slug"] {
            guard let slug = reader.nonEmptyText(node, field: "slug") else { return }
            document.slugLocation = reader.location(of: node)
            if Slug.isValid(slug) {
                document.slug = slug
            } else {
                reader.error(
                    "slug `\(slug)` may only hold lowercase letters, digits and dashes, and must start with a letter "
                        + "or digit" + suggestedSlug(for: slug), at: node)
            }
            return
        }
        if Slug.isValid(file.baseName) {
            document.slug = file.baseName
        } else {
            reader.error(
                "the file name `\(file.baseName)` is not a valid slug (lowercase letters, digits and dashes); "
                    + "rename the file or set `slug:`" + suggestedSlug(for: file.baseName),
                at: Self.start(of: file))
        }
    }

    private func suggestedSlug(for text: String) -> String {
        let made = Slug.make(from: text)
        return made.isEmpty ? "" : " such as `\(made)`"
    }

    /// A list of incident slugs, recorded for checking once every file is read.
    mutating func incidentReferences(_ node: Node, field: String) -> [String] {
        guard let items = reader.textList(node, field: field) else { return [] }
        var slugs: [String] = []
        var seen = Set<String>()
        for (slug, item) in items where seen.insert(slug).inserted {
            if let own = document.slug, own == slug, file.kind == .incident {
                reader.error("an incident cannot list itself in `\(field)`", at: item)
                continue
            }
            document.incidentReferences.append(
                Reference(slug: slug, location: reader.location(of: item), field: field))
            slugs.append(slug)
        }
        return slugs
    }

    /// Reports `id` as an unknown cluster unless site.yml declares it; false when unknown.
    mutating func checkCluster(_ id: String, at node: Node) -> Bool {
        guard let catalog else { return false }
        guard catalog.servicesOfCluster[id] != nil else {
            reader.error(
                "unknown cluster `\(id)`; site.yml declares "
                    + catalog.clusterIDs.map { "`\($0)`" }.joined(separator: ", ")
                    + Suggestion.sentence(for: id, in: catalog.clusterIDs),
                at: node)
            return false
        }
        document.clusters.insert(id)
        return true
    }
}
