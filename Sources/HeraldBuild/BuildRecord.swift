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
/// Stored as a header line, a checksum line and the record in `CompactBinary` (not JSON:
/// decoding the corpus's 8,003 warnings was a sixth of a no-change build at 10,000 incidents);
/// anything that does not check out reads as no record, so the next build takes the full path.
struct BuildRecord: Sendable, Equatable {
    var inputs: StableHash
    var warnings: [Diagnostic]
    var previousStateProblem: String?

    static let header = "herald-build-record 2"

    static func path(inCache directory: String) -> String { "\(directory)/inputs.txt" }

    func encoded() -> Data {
        let stored = Stored(
            inputs: inputs.description, previousStateProblem: previousStateProblem,
            warnings: warnings.map(Stored.Warning.init))
        // Strings and integers only: the encoding cannot fail on them; an empty body fails the
        // decoding instead, which only costs the next build its fast path.
        let body = (try? CompactBinary.encode(stored)) ?? []
        return Data("\(Self.header)\n\(Self.checksum(body))\n".utf8) + body
    }

    /// The record in `data`, or nil if it is not one or its checksum does not match.
    static func decode(_ data: Data) -> BuildRecord? {
        let bytes = [UInt8](data)
        let newline = UInt8(ascii: "\n")
        guard let first = bytes.firstIndex(of: newline),
            let second = bytes[(first + 1)...].firstIndex(of: newline),
            String(decoding: bytes[..<first], as: UTF8.self) == header
        else { return nil }
        let body = bytes[(second + 1)...]
        guard String(decoding: bytes[(first + 1)..<second], as: UTF8.self) == checksum(body).description,
            let stored = body.withUnsafeBytes({ try? CompactBinary.decode(Stored.self, from: $0) }),
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

    private static func checksum(_ body: some ContiguousBytes) -> StableHash {
        var hasher = StableHasher()
        body.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// The shape of the record.
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
