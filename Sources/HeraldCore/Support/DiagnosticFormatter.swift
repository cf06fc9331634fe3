import Foundation

/// Prints diagnostics for people (`text`), tools (`json`) or GitHub Actions (`github`).
package enum DiagnosticFormatter {
    package static func format(_ diagnostics: [Diagnostic], as format: String) -> String {
        switch format {
        case "json": json(diagnostics)
        case "github": diagnostics.map(github).map { $0 + "\n" }.joined()
        default: diagnostics.map { $0.description + "\n" }.joined()
        }
    }

    private struct Record: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
    }

    private static func json(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let records = diagnostics.map {
            Record(
                file: $0.location.path, line: $0.location.line, column: $0.location.column,
                severity: $0.severity.rawValue, message: $0.message)
        }
        let data = (try? encoder.encode(records)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `::error file=…,line=…,col=…::message`, with the escapes workflow commands require.
    private static func github(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        return "::\(diagnostic.severity.rawValue) file=\(property(location.path)),line=\(location.line),"
            + "col=\(location.column)::\(data(diagnostic.message))"
    }

    private static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
