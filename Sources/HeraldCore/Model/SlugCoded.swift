/// A value written in files by its content-file spelling (`partial-outage`, `major`), so state
/// and change files read like the content that made them. Conforming types implement `Codable`
/// with `init(slugFrom:)` and `encodeSlug(to:)` (their integer raw values would otherwise be used).
package protocol SlugCoded: Codable {
    var slug: String { get }
    init?(slug: String)
}

extension SlugCoded {
    package init(slugFrom decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(slug: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown value `\(text)`")
        }
        self = value
    }

    package func encodeSlug(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(slug)
    }
}

extension ComponentStatus: SlugCoded {
    package init(from decoder: any Decoder) throws { try self.init(slugFrom: decoder) }
    package func encode(to encoder: any Encoder) throws { try encodeSlug(to: encoder) }
}

extension Impact: SlugCoded {
    package init(from decoder: any Decoder) throws { try self.init(slugFrom: decoder) }
    package func encode(to encoder: any Encoder) throws { try encodeSlug(to: encoder) }
}
