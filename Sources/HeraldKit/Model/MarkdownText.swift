/// Markdown source kept with where it starts, so rendering problems can point at the file.
public struct MarkdownText: Hashable, Sendable {
    public var source: String
    /// Where the text starts in its content file.
    public var location: SourceLocation

    public init(_ source: String, at location: SourceLocation) {
        self.source = source
        self.location = location
    }

    public var isBlank: Bool { source.allSatisfy(\.isWhitespace) }
}
