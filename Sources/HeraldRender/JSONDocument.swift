import Foundation

/// How Herald writes the JSON it publishes (the Statuspage API, JSON Feeds, the uptime report,
/// cluster summaries).
enum JSONDocument {
    /// Pretty, key-sorted JSON with a final newline, keys in snake case. The documents hold
    /// only strings, integers, booleans and nulls, which always encode; should that ever
    /// change, an empty object is written rather than crashing the build.
    static func encode(_ document: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard var data = try? encoder.encode(document) else { return Data("{}\n".utf8) }
        data.append(contentsOf: "\n".utf8)
        return data
    }
}
