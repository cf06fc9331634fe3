import Foundation
import HeraldCore

/// Reads a site's content folder into memory.
package struct ContentLoader: Sendable {
    /// The folder could not be read at all (exit status 2).
    package struct UnreadableFolder: Error, Sendable, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String { "cannot read content folder \(path): \(reason)" }
    }

    private let fileSystem: any FileSystem

    package init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Reads `<contentDirectory>/site.yml` and every `*.md` in `incidents/`, `maintenance/` and `blog/`
    /// (sorted by name; other files and hidden files ignored).
    ///
    /// `displayRoot` is the site root used to make paths relative for diagnostics.
    /// Throws only for an unreadable or missing content folder; a file that is not UTF-8 or a missing
    /// `site.yml` is a diagnostic.
    ///
    /// `known`: files as an earlier load saw them, by path as in `ContentFile.path`. Given (and
    /// on the real disk), every incident, maintenance and post file is identified (`stat`) and
    /// digested, and one whose identity is the known one is not read (`ContentFile.isUnread`);
    /// `LoadedContent.seen` says what this load saw. `identified`: files of the content folder as
    /// a walk of it just before found them (`InputFingerprint`), by path as the loader names them
    /// (the folder joined with the file's relative path), which are not `stat`ed again: the build
    /// then uses the files its fingerprint identified.
    package func load(
        contentDirectory: String, displayRoot: String, known: [String: KnownFile]? = nil,
        identified: [String: ResolvedFile] = [:]
    ) throws -> LoadedContent {
        guard fileSystem.isDirectory(at: contentDirectory) else {
            let reason = fileSystem.fileExists(at: contentDirectory) ? "not a folder" : "no such folder"
            throw UnreadableFolder(path: contentDirectory, reason: reason)
        }
        do {
            _ = try fileSystem.contentsOfDirectory(at: contentDirectory)
        } catch {
            throw UnreadableFolder(path: contentDirectory, reason: error.localizedDescription)
        }
        let displayDirectory = relativePath(of: contentDirectory, to: displayRoot)
        var files: [ContentFile] = []
        var diagnostics: [Diagnostic] = []

        let sitePath = joinPath(contentDirectory, "site.yml")
        let siteDisplayPath = joinPath(displayDirectory, "site.yml")
        if fileSystem.fileExists(at: sitePath) && !fileSystem.isDirectory(at: sitePath) {
            switch read(sitePath, as: siteDisplayPath, kind: .site) {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        } else {
            diagnostics.append(
                .error(
                    at: SourceLocation(path: siteDisplayPath, line: 1, column: 1),
                    "missing site.yml: every site needs one with at least `title`, `base_url`, `clusters` "
                        + "and `services`"))
        }

        var documents: [(path: String, displayPath: String, kind: ContentKind)] = []
        for kind in [ContentKind.incident, .maintenance, .post] {
            guard let folder = kind.folder else { continue }
            let directory = joinPath(contentDirectory, folder)
            guard fileSystem.isDirectory(at: directory) else { continue }
            let names: [String]
            do {
                names = try fileSystem.contentsOfDirectory(at: directory)
            } catch {
                diagnostics.append(
                    .error(
                        at: SourceLocation(path: joinPath(displayDirectory, folder), line: 1, column: 1),
                        "cannot read folder: \(error.localizedDescription)"))
                continue
            }
            for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
                documents.append(
                    (joinPath(directory, name), joinPath(displayDirectory, folder + "/" + name), kind))
            }
        }
        let identifying = fileSystem.isStatable ? known : nil
        // Thousands of small files: read them on every core.
        let results = ParallelMap.map(documents) {
            document -> (Result<ContentFile, Diagnostic>, KnownFile?)? in
            guard let known = identifying else {
                guard !fileSystem.isDirectory(at: document.path) else { return nil }
                return (read(document.path, as: document.displayPath, kind: document.kind), nil)
            }
            return self.identified(
                document, known: known[document.displayPath], resolved: identified[document.path])
        }
        var seen: [String: KnownFile] = [:]
        for case (let result, let file)? in results {
            switch result {
            case .success(let read):
                files.append(read)
                if let file { seen[read.path] = file }
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return LoadedContent(files: files, diagnostics: diagnostics, seen: seen)
    }

    /// A document identified before it is read, and left unread when it is the `known` file.
    /// Nil for a folder; no identity when it cannot be told (it is read, and fails, as usual).
    /// `resolved`: its identity as a walk just before found it; else it is `stat`ed now.
    private func identified(
        _ document: (path: String, displayPath: String, kind: ContentKind), known: KnownFile?,
        resolved: ResolvedFile?
    ) -> (Result<ContentFile, Diagnostic>, KnownFile?)? {
        let resolved = resolved ?? FileIdentity.resolving(document.path)
        if resolved?.isDirectory == true { return nil }
        if let known, known.identity == resolved?.identity {
            return (
                .success(.unread(path: document.displayPath, kind: document.kind, digest: known.digest)),
                known
            )
        }
        switch read(document.path, as: document.displayPath, kind: document.kind) {
        case .failure(let diagnostic):
            return (.failure(diagnostic), nil)
        case .success(var file):
            let digest = ContentFile.digest(of: file.text)
            file.digest = digest
            return (.success(file), resolved.map { KnownFile(identity: $0.identity, digest: digest) })
        }
    }

    private func read(_ path: String, as displayPath: String, kind: ContentKind) -> Result<
        ContentFile, Diagnostic
    > {
        let start = SourceLocation(path: displayPath, line: 1, column: 1)
        let data: Data
        do {
            data = try fileSystem.readFile(at: path)
        } catch RegularFile.Failure.notRegular(let kind) {
            return .failure(
                .error(
                    at: start,
                    "cannot read file: \(RegularFile.Failure.notRegular(kind)); content files must be regular "
                        + "files: replace it with one or move it out of the content folder"))
        } catch {
            return .failure(.error(at: start, "cannot read file: \(error.localizedDescription)"))
        }
        guard let text = SourceText.decode(data) else {
            return .failure(Self.notUTF8(data, at: start))
        }
        return .success(ContentFile(path: displayPath, kind: kind, text: text))
    }

    /// Points at the first byte that is not UTF-8.
    private static func notUTF8(_ data: Data, at start: SourceLocation) -> Diagnostic {
        guard let bad = SourceText.firstInvalidByte(in: data) else {
            return .error(at: start, "file is not valid UTF-8 text; save it as UTF-8")
        }
        return .error(
            at: SourceLocation(path: start.path, line: bad.line, column: bad.column),
            "file is not valid UTF-8 text: byte 0x\(Hex.digits(bad.byte, width: 2)) here cannot start or "
                + "continue a character; save the file as UTF-8")
    }
}
