import HeraldCore

/// Which link destinations the site publishes: http, https, mailto and relative URLs.
enum URLSchemePolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Whether `url` (already entity-decoded) is relative or has an allowed scheme. Reads it the
    /// way browsers do: leading controls and spaces are ignored and tabs and newlines removed,
    /// schemes are case-insensitive. Anything before a `:` that comes ahead of the first `/`,
    /// `?` or `#` counts as a scheme, even one a browser would not accept (safe side).
    static func allows(_ url: String) -> Bool {
        var scheme = ""
        var started = false
        for scalar in url.unicodeScalars {
            if !started && scalar.value <= 0x20 { continue }
            started = true
            switch scalar {
            case "\t", "\n", "\r":
                continue
            case ":":
                return allowedSchemes.contains(scheme.lowercased())
            case "/", "?", "#":
                return true
            default:
                scheme.unicodeScalars.append(scalar)
            }
        }
        return true
    }
}
