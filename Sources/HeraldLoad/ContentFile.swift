import HeraldCore

/// One content file, read and decoded, not yet parsed; or, when the loader was told it is
/// unchanged since an earlier build (`ContentLoader.load(…, known:)`), not read at all.
package struct ContentFile: Hashable, Sendable {
    /// Relative to the site root, e.g. `Content/incidents/x.md`, as printed in diagnostics.
    package var path: String
    package var kind: ContentKind
    /// UTF-8 decoded, BOM stripped, CRLF/CR normalised to LF. Empty when `isUnread`.
    package var text: String
    /// `ContentFile.digest(of: text)`, when the loader was asked to identify files: what a
    /// parse record of the file is keyed by.
    package var digest: StableHash?
    /// The loader left the file unread: it is as `known` said, so `digest` is the digest of
    /// its text, and only a parse record with that digest can stand for it.
    package var isUnread = false

    package init(path: String, kind: ContentKind, text: String, digest: StableHash? = nil) {
        self.path = path
        self.kind = kind
        self.text = text
        self.digest = digest
    }

    /// A file the loader did not read (see `isUnread`).
    static func unread(path: String, kind: ContentKind, digest: StableHash) -> ContentFile {
        var file = ContentFile(path: path, kind: kind, text: "", digest: digest)
        file.isUnread = true
        return file
    }

    /// The file name without its folder and `.md` extension: the default slug.
    package var baseName: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// A hash of a file's text, which stands for the text in a parse record's key.
    package static func digest(of text: String) -> StableHash {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.finalize()
    }
}
