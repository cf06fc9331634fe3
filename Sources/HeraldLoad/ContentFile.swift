import HeraldCore

/// One content file, read and decoded, not yet parsed.
public struct ContentFile: Hashable, Sendable {
    /// Relative to the site root, e.g. `Content/incidents/x.md`, as printed in diagnostics.
    public var path: String
    public var kind: ContentKind
    /// UTF-8 decoded, BOM stripped, CRLF/CR normalised to LF.
    public var text: String

    public init(path: String, kind: ContentKind, text: String) {
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
