/// Markdown source kept with where it starts, so rendering problems can point at the file.
package struct MarkdownText: Hashable, Sendable, Codable {
    package var source: String
    /// Where the text starts in its content file.
    package var location: SourceLocation

    /// Control characters other than tab and line feed in `source` become U+FFFD here, so no
    /// output made from Markdown (HTML, feeds, JSON, iCalendar, email) holds them raw.
    package init(_ source: String, at location: SourceLocation) {
        self.source = ControlCharacters.replacingStray(in: source)
        self.location = location
    }

    /// 1 MiB: the most one Markdown text (a body, a message) may hold.
    package static let maximumBytes = 1 << 20

    package var isBlank: Bool { source.allSatisfy(\.isWhitespace) }
}

/// Coded as a list of its fields (`FieldList`): every body, message and answer of a parse
/// record is one. Read back as written (its source was made safe when it was parsed).
extension MarkdownText {
    package init(from decoder: any Decoder) throws {
        (source, location) = try FieldList.decode(decoder)
    }

    package func encode(to encoder: any Encoder) throws {
        try FieldList.encode(source, location, to: encoder)
    }
}
