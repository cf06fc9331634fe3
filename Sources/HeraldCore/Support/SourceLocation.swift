/// A position in a content file, 1-based, as editors count lines and columns.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// Path relative to the site root, as printed in diagnostics.
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
