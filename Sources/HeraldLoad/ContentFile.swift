import HeraldCore

/// One content file, read and decoded, not yet parsed.
package struct ContentFile: Hashable, Sendable {
    /// Relative to the site root, e.g. `Content/incidents/x.md`, as printed in diagnostics.
    package var path: String
    package var kind: ContentKind
    /// UTF-8 decoded, BOM stripped, CRLF/CR normalised to LF.
    package var text: String

    package init(path: String, kind: ContentKind, text: String) {
        self.path = path
        self.kind = kind
        self.text = text
    }

    /// The file name without its folder and `.md` extension: the default slug.
    package var baseName: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}
