import Foundation

/// How Herald writes its JSON files (the Statuspage API, the uptime report, cluster summaries).
enum JSONDocument {
    /// Pretty, key-sorted JSON with snake-case keys and a final newline. The documents hold only
    /// strings, numbers, booleans and nulls, which always encode; should that ever change, an
    /// empty object is written rather than crashing the build.
    static func encode(_ document: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard var data = try? encoder.encode(document) else { return Data("{}\n".utf8) }
        data.append(contentsOf: "\n".utf8)
        return data
    }
}
