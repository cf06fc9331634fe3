import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// What the layout template needs on every page: head, navigation, feed links, footer.
struct PageLayout: Sendable, Encodable {
    struct NavItem: Sendable, Encodable {
        var title: String
        var href: String
        var current: Bool
    }

    struct FeedLink: Sendable, Encodable {
        var title: String
        /// The Atom feed.
        var href: String
        /// The JSON Feed beside it.
        var jsonHref: String

        /// The feed at `path` under the site's base URL.
        init(title: String, path: String, baseURL: BaseURL) {
            self.title = title
            href = baseURL.url(path)
            jsonHref = baseURL.url(SitePaths.jsonFeed(beside: path))
        }
    }

    var language: String
    var siteTitle: String
    /// `<title>`: page title · site title, or the site title alone on the index.
    var documentTitle: String
    var description: String
    var canonicalURL: String
    /// Relative path from this page to the site root (`./`, `../../`), or the base path for 404.
    var root: String
    var stylesheet: String
    var feeds: [FeedLink]
    var nav: [NavItem]
    var calendarHref: String
    var apiHref: String
    /// The build instant, on pages whose content follows it (status, uptime); nil elsewhere, so
    /// a rebuild as of a later minute leaves the other pages' bytes, and their files, alone.
    var statusAsOf: String?
    var statusAsOfISO: String?
    var timeZoneName: String
    /// The page's JSON-LD (schema.org), escaped for a `<script>` element; nil on most pages.
    var structuredData: String? = nil
}

/// The sections of the site, for the navigation bar.
enum Section: Sendable {
    case status
    case history
    case blog
    case none
}
