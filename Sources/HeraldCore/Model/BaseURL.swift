import Foundation

/// The absolute URL the site is published under, always ending in `/`; may have a path.
package struct BaseURL: Hashable, Sendable, CustomStringConvertible {
    /// e.g. `https://status.example.com/status/`
    package let absolute: String
    /// The path part, e.g. `/status/` (or `/`).
    package let path: String
    /// The host, for `tag:` URIs.
    package let host: String

    /// Accepts an absolute http(s) URL; returns nil for anything else.
    package init?(_ string: String) {
        let trimmed = string.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        let schemeEnd: String.Index
        if lower.hasPrefix("https://") {
            schemeEnd = trimmed.index(trimmed.startIndex, offsetBy: 8)
        } else if lower.hasPrefix("http://") {
            schemeEnd = trimmed.index(trimmed.startIndex, offsetBy: 7)
        } else {
            return nil
        }
        let rest = trimmed[schemeEnd...]
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let host = String(rest[..<hostEnd])
        guard !host.isEmpty,
            !host.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
        else { return nil }
        var path = String(rest[hostEnd...])
        if path.contains(where: { $0 == "?" || $0 == "#" || $0.isWhitespace || $0 == "\"" || $0 == "<" }) {
            return nil
        }
        if !path.hasSuffix("/") { path += "/" }
        self.path = path
        self.host = host.lowercased()
        self.absolute = String(trimmed[..<schemeEnd]).lowercased() + host + path
    }

    /// The absolute URL of a site-relative path such as `incidents/x/`.
    package func url(_ relativePath: String) -> String { absolute + relativePath }

    package var description: String { absolute }
}

/// Written as its absolute URL; reading checks it as `init?(_:)` does.
extension BaseURL: Codable {
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let url = BaseURL(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an http(s) URL")
        }
        self = url
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(absolute)
    }
}
