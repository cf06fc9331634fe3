/// `mail:` in `site.yml`: what the notification emails of `herald diff --format email` tell
/// mailbox providers about the contact lists they are sent to.
package struct MailLists: Hashable, Sendable {
    /// The placeholders an unsubscribe address may hold, as in `diff --to`.
    package static let placeholders = ["{cluster}", "{audience}"]
    /// The schemes an unsubscribe address may have (RFC 2369 `List-Unsubscribe`).
    package static let schemes = ["https:", "http:", "mailto:"]

    /// Audience (`emergency`, `maintenance`) → its unsubscribe URL or mailto, with
    /// `{cluster}` and `{audience}` still in it.
    package var unsubscribe: [String: String]

    package init(unsubscribe: [String: String] = [:]) { self.unsubscribe = unsubscribe }

    /// The unsubscribe address for one list: each placeholder replaced by its value,
    /// percent-encoded, so no value can end the address or the header that carries it.
    package func unsubscribe(audience: String, cluster: String) -> String? {
        guard let template = unsubscribe[audience] else { return nil }
        return template.replacingOccurrences(of: "{cluster}", with: Self.percentEncoded(cluster))
            .replacingOccurrences(of: "{audience}", with: Self.percentEncoded(audience))
    }

    /// Every byte but RFC 3986's unreserved characters as `%XX`.
    static func percentEncoded(_ value: String) -> String {
        var result = ""
        for byte in value.utf8 {
            let unreserved =
                (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte)
                || byte == 45 || byte == 46 || byte == 95 || byte == 126
            if unreserved {
                result.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                result += "%" + Hex.digits(byte, width: 2)
            }
        }
        return result
    }

    /// Whether an unsubscribe address can go between `<` and `>` in a header as it is:
    /// printable ASCII without spaces, angle brackets, quotes or backslashes, with a known scheme.
    package static func isSafeAddress(_ address: String) -> Bool {
        let lowered = address.lowercased()
        guard let scheme = schemes.first(where: { lowered.hasPrefix($0) }), address.count > scheme.count + 2
        else { return false }
        return address.utf8.allSatisfy { (33...126).contains($0) && !"<>\"\\".utf8.contains($0) }
    }
}

/// Written as its pairs sorted by audience: a dictionary encodes in an order that differs from
/// one process to the next, and the config's encoding is hashed (`PageInputs`).
extension MailLists: Encodable {
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for (audience, address) in unsubscribe.sorted(by: { $0.key < $1.key }) {
            try container.encode(audience)
            try container.encode(address)
        }
    }
}
