/// One problem found in the content, printed compiler-style so editors can jump to it.
package struct Diagnostic: Hashable, Sendable, Codable, Error, CustomStringConvertible {
    package enum Severity: String, Sendable, Codable, Comparable {
        case warning
        case error

        package static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    package var location: SourceLocation
    package var severity: Severity
    package var message: String

    package init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    package static func error(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    package static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `PATH:LINE:COLUMN: error: MESSAGE`
    package var description: String {
        "\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

/// Thrown by a stage that found errors; carries every diagnostic, not only the first.
package struct ContentErrors: Error, Sendable {
    package var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    }
}
