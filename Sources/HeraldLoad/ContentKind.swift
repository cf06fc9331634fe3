import HeraldCore

/// What a content file holds, decided by where it lives.
package enum ContentKind: String, Sendable {
    case site
    case incident
    case maintenance
    case post

    /// The folder of `Content/` holding files of this kind (nil for `site.yml`).
    package var folder: String? {
        switch self {
        case .site: nil
        case .incident: "incidents"
        case .maintenance: "maintenance"
        case .post: "blog"
        }
    }

    /// How messages name one file of this kind.
    package var noun: String {
        switch self {
        case .site: "site"
        case .incident: "incident"
        case .maintenance: "maintenance"
        case .post: "post"
        }
    }
}
