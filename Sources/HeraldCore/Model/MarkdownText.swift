/// Markdown source kept with where it starts, so rendering problems can point at the file.
public struct MarkdownText: Hashable, Sendable {
    public var source: String
    /// Where the text starts in its content file.
    public var location: SourceLocation

    /// Control characters other than tab and line feed in `source` become U+FFFD here, so no
    /// output made from Markdown (HTML, feeds, JSON, iCalendar, email) holds them raw.
    public init(_ source: String, at location: SourceLocation) {
        self.source = ControlCharacters.replacingStray(in: source)
        self.location = location
    }

    /// 1 MiB: the most one Markdown text (a body, a message) may hold.
    public static let maximumBytes = 1 << 20

    public var isBlank: Bool { source.allSatisfy(\.isWhitespace) }
}
