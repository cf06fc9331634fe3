import Foundation
import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// Checks every file against SPEC §3 and builds the `Site` when nothing is wrong.
///
/// Every file is read to the end and every problem reported, so one run shows them all.
package enum SiteValidator {
    /// With a `memo`, files whose record it holds are not parsed again, and the result carries
    /// the records this validation used (`ValidationResult.parses`); without one, nothing is recorded.
    package static func validate(_ content: LoadedContent, options: ValidationOptions, memo: ParseMemo? = nil)
        -> ValidationResult
    {
        var diagnostics = content.diagnostics

        var config: SiteConfig?
        var catalog: Catalog?
        var timeZone = TimeZone.gmt
        if let siteFile = content.files.first(where: { $0.kind == .site }) {
            var parser = SiteConfigParser(file: siteFile, baseURLOverride: options.baseURLOverride)
            let (output, siteDiagnostics) = parser.parse()
            config = output.config
            catalog = output.catalog
            timeZone = output.timeZone
            diagnostics += siteDiagnostics
        } else if !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(
                .error(at: SourceLocation(path: "Content/site.yml", line: 1, column: 1), "missing site.yml"))
        }

        // Files parse independently (YAML is most of a build's parsing time): on every core.
        let parseCatalog = catalog
        let parseTimeZone = timeZone
        let parse = { @Sendable (file: ContentFile) in
            DocumentParser.parse(file, catalog: parseCatalog, timeZone: parseTimeZone)
        }
        let files = content.files.filter { $0.kind != .site }
        var documents: [ParsedDocument]
        var parses: [StableHash: MemoRecord] = [:]
        var recorded: [StableHash: ParsedDocument] = [:]
        if let memo {
            let context = ParseMemo.Context(catalog: catalog, timeZone: timeZone)
            let found = ParallelMap.map(files) { memo.entry(for: $0, context: context, parse: parse) }
            let entries = found.compactMap { $0 }
            guard entries.count == found.count else {
                return ValidationResult(unread: zip(files, found).filter { $1 == nil }.map(\.0.path))
            }
            documents = entries.map(\.document)
            parses.reserveCapacity(entries.count)
            recorded.reserveCapacity(entries.count)
            for entry in entries where entry.record != nil {
                parses[entry.key] = entry.record
                var document = entry.document
                document.file = ParsedDocument.fileLeftOut
                recorded[entry.key] = document
            }
        } else {
            guard !files.contains(where: \.isUnread) else {
                return ValidationResult(unread: files.filter(\.isUnread).map(\.path))
            }
            documents = ParallelMap.map(files, parse)
        }
        for document in documents { diagnostics += document.diagnostics }

        var references = ReferenceChecker(documents: documents)
        diagnostics += references.check()
        if let catalog { diagnostics += unusedClusterWarnings(catalog, documents: documents) }
        if let now = options.now {
            let staleAfter = options.staleAfter ?? config?.staleAfter ?? ValidationOptions.defaultStaleAfter
            diagnostics += ContentWarnings.timelines(documents, now: now, staleAfter: staleAfter)
        }

        diagnostics = sorted(diagnostics)
        guard let config, !diagnostics.contains(where: { $0.severity == .error }) else {
            return ValidationResult(site: nil, diagnostics: diagnostics, parses: parses, documents: recorded)
        }
        if !options.includeDrafts { documents.removeAll(where: \.isDraft) }
        let links = TextLinks(merging: documents.compactMap(\.links))
        return ValidationResult(
            site: assemble(config, documents), diagnostics: diagnostics, parses: parses, documents: recorded,
            links: links)
    }

    /// The site from error-free documents; references to left-out drafts are dropped.
    private static func assemble(_ config: SiteConfig, _ documents: [ParsedDocument]) -> Site {
        var incidents: [Incident] = []
        var maintenances: [Maintenance] = []
        var posts: [Post] = []
        for document in documents {
            switch document.item {
            case .incident(let incident): incidents.append(incident)
            case .maintenance(let maintenance): maintenances.append(maintenance)
            case .post(let post): posts.append(post)
            case nil: break
            }
        }
        let kept = Set(incidents.map(\.slug))
        for index in incidents.indices { incidents[index].related.removeAll { !kept.contains($0) } }
        for index in maintenances.indices { maintenances[index].related.removeAll { !kept.contains($0) } }
        for index in posts.indices { posts[index].incidents.removeAll { !kept.contains($0) } }

        incidents.sort { ($1.started, $0.slug) < ($0.started, $1.slug) }
        maintenances.sort { ($1.start, $0.slug) < ($0.start, $1.slug) }
        posts.sort { ($1.date, $0.slug) < ($0.date, $1.slug) }
        return Site(config: config, incidents: incidents, maintenances: maintenances, posts: posts)
    }

    /// A cluster no incident, maintenance or post names: likely a typo'd or retired id.
    private static func unusedClusterWarnings(_ catalog: Catalog, documents: [ParsedDocument]) -> [Diagnostic]
    {
        let used = documents.reduce(into: Set<String>()) { $0.formUnion($1.clusters) }
        return catalog.clusterIDs.compactMap { id in
            guard !used.contains(id), let location = catalog.clusterLocations[id] else { return nil }
            return .warning(at: location, "cluster `\(id)` is not named by any incident, maintenance or post")
        }
    }

    /// By path, line and column; equal positions keep the order they were found in.
    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            if lhs.element.location != rhs.element.location {
                return lhs.element.location < rhs.element.location
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
