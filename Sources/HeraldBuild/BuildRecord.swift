import Foundation
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldMarkdown
import HeraldRender
import HeraldTemplates
import HeraldValidate
import HeraldWrite

/// What the last cached build leaves in the build cache (`inputs.txt`) so that a build with the
/// same inputs can answer without redoing anything: the fingerprint of its inputs, and the parts
/// of its result that are not in the output (its warnings and previous-state problem). The
/// changes are read back from the output's `api/changes.json`.
///
/// Stored as a header line, a checksum line and JSON; anything that does not check out reads
/// as no record, so the next build takes the full path.
struct BuildRecord: Sendable, Equatable {
    var inputs: StableHash
    var warnings: [Diagnostic]
    var previousStateProblem: String?

    static let header = "herald-build-record 1"

    static func path(inCache directory: String) -> String { "\(directory)/inputs.txt" }

    func encoded() -> Data {
        let stored = Stored(
            inputs: inputs.description, previousStateProblem: previousStateProblem,
            warnings: warnings.map(Stored.Warning.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Strings and integers only: JSONEncoder cannot fail on them; an empty body fails the
        // decoding instead, which only costs the next build its fast path.
        let body = (try? encoder.encode(stored)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return Data("\(Self.header)\n\(StableHash.of(body))\n\(body)".utf8)
    }

    /// The record in `data`, or nil if it is not one or its checksum does not match.
    static func decode(_ data: Data) -> BuildRecord? {
        let parts = String(decoding: data, as: UTF8.self)
            .split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == header, parts[1] == StableHash.of(String(parts[2])).description,
            let stored = try? JSONDecoder().decode(Stored.self, from: Data(parts[2].utf8)),
            let inputs = StableHash(hex: Substring(stored.inputs))
        else { return nil }
        var warnings: [Diagnostic] = []
        for warning in stored.warnings {
            guard let diagnostic = warning.diagnostic else { return nil }
            warnings.append(diagnostic)
        }
        return BuildRecord(
            inputs: inputs, warnings: warnings, previousStateProblem: stored.previousStateProblem)
    }

    /// The JSON shape of the record.
    private struct Stored: Codable {
        struct Warning: Codable {
            var path: String
            var line: Int
            var column: Int
            var severity: String
            var message: String

            init(_ diagnostic: Diagnostic) {
                path = diagnostic.location.path
                line = diagnostic.location.line
                column = diagnostic.location.column
                severity = diagnostic.severity.rawValue
                message = diagnostic.message
            }

            var diagnostic: Diagnostic? {
                Diagnostic.Severity(rawValue: severity).map {
                    Diagnostic($0, at: SourceLocation(path: path, line: line, column: column), message)
                }
            }
        }

        /// The Herald that made the build (`herald 0.3.0`), for whoever reads the cache; only
        /// written, as the input fingerprint already covers the executable.
        var generator = "herald \(HeraldVersion.current)"
        var inputs: String
        var previousStateProblem: String?
        var warnings: [Warning]
    }
}
