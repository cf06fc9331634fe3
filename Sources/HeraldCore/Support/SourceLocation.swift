/// A position in a content file, 1-based, as editors count lines and columns.
package struct SourceLocation: Hashable, Sendable, Codable, Comparable {
    /// Path relative to the site root, as printed in diagnostics.
    package var path: String
    package var line: Int
    package var column: Int

    package init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// Coded as a list of its fields rather than keyed: a parse record holds one location per text,
/// update and reference (about 190,000 in a 10,000-incident archive), and with `CompactBinary`
/// a keyed container costs an allocation and runtime type lookups of its own, a list neither.
/// A field added to the type is added here too (`CodedAsListTests` counts them).
extension SourceLocation {
    package init(from decoder: any Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        self.init(
            path: try fields.decode(String.self), line: try fields.decode(Int.self),
            column: try fields.decode(Int.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var fields = encoder.unkeyedContainer()
        try fields.encode(path)
        try fields.encode(line)
        try fields.encode(column)
    }
}
