import Foundation
import HeraldCore

/// The JSON conventions of `state.json` and `changes.json`: sorted keys, pretty, unescaped
/// slashes, a trailing newline, times as RFC 3339 UTC in whole seconds (`Timestamp.format`).
/// The one place that turns the states' typed values into text and back.
enum StateJSON {
    static func encode<Value: Encodable>(_ value: Value) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        // Every value encoded here is made of strings, integers, booleans, times, arrays and
        // optionals, which JSONEncoder cannot fail on; an empty object is the safe fallback.
        var data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    /// Reads what `encode` wrote; a time must be RFC 3339 (any offset is accepted).
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an RFC 3339 time: `\(text)`")
            }
            return Timestamp.wholeSeconds(date)
        }
        return decoder
    }
}

/// Why a state file could not be read.
package enum StateDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not JSON, or JSON without the shape of a state file.
    case malformed(String)
    /// A `format` this version does not know.
    case unsupportedFormat(found: Int, supported: ClosedRange<Int>)

    package var description: String {
        switch self {
        case .malformed(let reason):
            return "not a Herald state file: \(reason)"
        case .unsupportedFormat(let found, let supported):
            let readable =
                supported.count == 1
                ? "format \(supported.lowerBound)" : "formats \(supported.lowerBound)–\(supported.upperBound)"
            return found > supported.upperBound
                ? "state format \(found) is newer than this herald reads (\(readable)); update herald"
                : "state format \(found) is not one this herald reads (\(readable))"
        }
    }
}

extension SiteState {
    /// Reads a state file, checking its `format` first so a newer file is reported as such
    /// rather than as a confusing missing key.
    package static func decode(_ data: Data) throws(StateDecodingError) -> SiteState {
        struct FormatProbe: Decodable { var format: Int? }
        let decoder = StateJSON.decoder()
        let probe: FormatProbe
        do {
            probe = try decoder.decode(FormatProbe.self, from: data)
        } catch {
            throw .malformed("invalid JSON or not an object (\(Self.reason(error)))")
        }
        guard let format = probe.format else { throw .malformed("no `format` field") }
        guard (oldestFormat...currentFormat).contains(format) else {
            throw .unsupportedFormat(found: format, supported: oldestFormat...currentFormat)
        }
        do {
            return try decoder.decode(SiteState.self, from: data)
        } catch {
            throw .malformed(Self.reason(error))
        }
    }

    /// Sorted keys, pretty printed, trailing newline: the bytes of `api/state.json`.
    package func encoded() -> Data { StateJSON.encode(self) }

    /// A one-line reason naming the key path, instead of Foundation's multi-line dump.
    private static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
            return keys.isEmpty ? "top level" : "`\(keys.joined().drop(while: { $0 == "." }))`"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing key `\(key.stringValue)`" + (context.codingPath.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "invalid JSON" : "invalid value at \(path(context))"
        @unknown default:
            return "\(error)"
        }
    }
}
