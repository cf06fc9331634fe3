import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// Finds the incident or maintenance a slug names, as `herald update` is given it.
struct ItemFinder {
    /// A file found, parsed.
    struct Found {
        /// The file's path as the file system knows it (not the display path).
        var path: String
        var item: ParsedDocument.Item
    }

    let site: AuthoringSite

    /// The file whose slug (`slug:` or file name) is `slug`; failing that, the one file whose name is
    /// `slug` after a `YYYY-MM-DD-` date, so `cluster-a-email` finds `2025-10-06-cluster-a-email`.
    func find(_ slug: String) throws -> Found {
        let content = try ContentLoader(fileSystem: site.fileSystem)
            .load(contentDirectory: site.options.contentDirectory, displayRoot: site.options.displayRoot)
        let documents = content.files.filter { $0.kind == .incident || $0.kind == .maintenance }.map {
            DocumentParser.parse($0, catalog: site.catalog, timeZone: site.timeZone)
        }
        var matches = documents.filter { $0.slug == slug }
        if matches.isEmpty {
            matches = documents.filter { document in
                [document.slug, document.file.baseName].contains { Self.isDated($0, slug) }
            }
        }
        guard let document = matches.first else {
            throw Self.notFound(slug, documents: documents, unread: content.diagnostics)
        }
        guard matches.count == 1 else {
            throw UpdateFailure.ambiguous(slug: slug, paths: matches.map(\.file.path))
        }
        guard let item = document.item else {
            throw UpdateFailure.brokenFile(document.diagnostics.filter { $0.severity == .error })
        }
        let name = document.file.baseName + ".md"
        return Found(path: joinPath(site.folder(for: document.file.kind), name), item: item)
    }

    /// Blames a file that could not be read (not UTF-8, not a regular file) when its name is the
    /// slug; else says no file has it, listing the files whose slugs could not be known.
    private static func notFound(_ slug: String, documents: [ParsedDocument], unread: [Diagnostic])
        -> UpdateFailure
    {
        let unreadDocuments = unread.filter { $0.severity == .error && $0.location.path.hasSuffix(".md") }
        let named = unreadDocuments.filter { diagnostic in
            let name = String(diagnostic.location.path.split(separator: "/").last?.dropLast(3) ?? "")
            return name == slug || isDated(name, slug)
        }
        if !named.isEmpty { return .brokenFile(named) }
        let slugs = documents.compactMap(\.slug)
        guard !unreadDocuments.isEmpty else {
            return .notFound(slug: slug, hint: Suggestion.hint(for: slug, in: slugs))
        }
        return .notFound(
            slug: slug,
            hint: Suggestion.sentence(for: slug, in: slugs)
                + ". These files could not be read, so their slugs are unknown:\n"
                + unreadDocuments.map { "  \($0)" }.joined(separator: "\n"))
    }

    /// `candidate` is `YYYY-MM-DD-` followed by `slug`.
    private static func isDated(_ candidate: String?, _ slug: String) -> Bool {
        guard let candidate, candidate.hasSuffix("-" + slug), candidate.count == slug.count + 11 else {
            return false
        }
        return Timestamp.parseDate(String(candidate.prefix(10))) != nil
    }
}
