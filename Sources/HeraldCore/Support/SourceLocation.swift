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
