import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Permanent `tag:` URIs (RFC 4151) for feed and entry ids.
///
/// `tag:<host>,2025:<base path><kind>/<slug>`: built only from the host and path of
/// `base_url` and slugs, so editing, re-dating or re-titling content never changes an id.
/// The date is fixed (the year Herald's scheme was minted) rather than taken from the
/// content, because a corrected start date must not turn an entry into a new one.
struct TagURI {
    private let prefix: String

    init(_ baseURL: BaseURL) {
        let path = baseURL.path.hasPrefix("/") ? String(baseURL.path.dropFirst()) : baseURL.path
        prefix = "tag:\(Self.authority(baseURL.host)),2025:\(path)"
    }

    func make(_ specific: String) -> String { prefix + specific }

    func incident(_ slug: String) -> String { make("incident/\(slug)") }
    func maintenance(_ slug: String) -> String { make("maintenance/\(slug)") }
    func post(_ slug: String) -> String { make("post/\(slug)") }

    /// A tag authority is a DNS name: drop any port.
    private static func authority(_ host: String) -> String {
        if host.hasPrefix("[") { return String(host.prefix { $0 != "]" }) + "]" }
        return String(host.prefix { $0 != ":" })
    }
}
