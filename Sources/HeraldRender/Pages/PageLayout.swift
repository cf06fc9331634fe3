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

    /// An iCalendar file the page announces in its head.
    struct CalendarLink: Sendable, Encodable {
        var title: String
        var href: String
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
    /// iCalendar files to announce in the head (`rel="alternate" type="text/calendar"`): the
    /// site's, and on a cluster page the cluster's.
    var calendars: [CalendarLink]
    var apiHref: String
    /// The build instant, on pages whose content follows it (status, uptime); nil elsewhere, so
    /// a rebuild as of a later minute leaves the other pages' bytes, and their files, alone.
    var statusAsOf: String?
    var statusAsOfISO: String?
    var timeZoneName: String
    /// OpenGraph and Twitter card meta (`partials/share-meta`).
    var share: ShareMeta
    /// The page's JSON-LD (schema.org), escaped for a `<script>` element; nil on most pages.
    var structuredData: String? = nil
}

/// What a link to a page shows when pasted into Slack, Teams or a ticket.
struct ShareMeta: Sendable, Encodable {
    enum Kind: String, Sendable {
        case website
        case article
    }

    /// `og:title`: for an incident its current status first, "Identified — Cluster A email service issues".
    var title: String
    var description: String
    /// Absolute, as `og:url` must be.
    var url: String
    /// `website` or `article` (`Kind`'s raw value: view models hold only strings, numbers and flags).
    var type: String
    /// The theme's card image, absolute.
    var image: String
    var imageAlt: String
    var siteName: String
}

/// The sections of the site, for the navigation bar.
enum Section: Sendable {
    case status
    case history
    case uptime
    case blog
    case none
}
