import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// One HTML page to render: where it goes, with which template, from which view model.
struct PageJob: Sendable {
    /// Directory-style page path, e.g. `incidents/x/`; see `SitePaths.file(for:)`.
    var path: String
    var template: String
    /// Listed in `sitemap.xml`: pages are; images and the embeddable status are not.
    var inSitemap: Bool
    /// Builds the view model. Called on the rendering threads, so the thousands of incident
    /// and post models are built in parallel rather than before rendering starts.
    var model: @Sendable () -> any Encodable & Sendable
    /// Everything the view model is made from besides the site configuration and the theme,
    /// when the page declares it: then its key is a hash of those inputs (`PageInputs`), and a
    /// page whose inputs are unchanged is kept without building its model. Nil for pages keyed
    /// by their view model.
    var reads: [PageInputs.Part]?

    init(
        path: String, template: String, inSitemap: Bool = true, reads: [PageInputs.Part]? = nil,
        model: @escaping @Sendable () -> any Encodable & Sendable
    ) {
        self.path = path
        self.template = template
        self.inSitemap = inSitemap
        self.reads = reads
        self.model = model
    }

    /// A page whose view model is already built (the few site-wide pages).
    init(path: String, template: String, inSitemap: Bool = true, model: some Encodable & Sendable) {
        self.init(path: path, template: template, inSitemap: inSitemap) { model }
    }
}

extension RenderContext {
    /// Relative path from a page to the site root.
    static func root(for path: String) -> String {
        let depth =
            path.split(separator: "/", omittingEmptySubsequences: true).count
            - (path.hasSuffix("/") || path.isEmpty ? 0 : 1)
        return depth <= 0 ? "./" : String(repeating: "../", count: depth)
    }

    func layout(
        path: String, title: String?, description: String? = nil, section: Section,
        extraFeeds: [PageLayout.FeedLink] = [], extraCalendars: [PageLayout.CalendarLink] = [],
        root explicitRoot: String? = nil,
        showsLiveStatus: Bool = false, shareTitle: String? = nil, shareDescription: String? = nil,
        shareType: ShareMeta.Kind = .website, structuredData: String? = nil
    ) -> PageLayout {
        let config = site.config
        let root = explicitRoot ?? Self.root(for: path)
        let nav: [PageLayout.NavItem] = [
            .init(title: "Status", href: root, current: section == .status),
            .init(title: "History", href: root + SitePaths.history, current: section == .history),
            .init(title: "Uptime", href: root + SitePaths.uptime, current: section == .uptime),
            .init(title: config.blogTitle, href: root + SitePaths.blog, current: section == .blog),
        ]
        let feeds =
            [
                PageLayout.FeedLink(
                    title: "\(config.title): incidents and maintenance", path: SitePaths.feed,
                    baseURL: config.baseURL),
                PageLayout.FeedLink(
                    title: "\(config.title): \(config.blogTitle)", path: SitePaths.blogFeed,
                    baseURL: config.baseURL),
            ] + extraFeeds
        let description = description ?? config.description ?? config.title
        let share = ShareMeta(
            title: shareTitle ?? title ?? config.title, description: shareDescription ?? description,
            url: config.baseURL.url(path), type: shareType.rawValue,
            image: config.baseURL.url(SitePaths.shareImage),
            imageAlt: "\(config.title): service status", siteName: config.title)
        return PageLayout(
            language: config.language, siteTitle: config.title,
            documentTitle: title.map { "\($0) · \(config.title)" } ?? config.title,
            description: description,
            canonicalURL: config.baseURL.url(path), root: root, stylesheet: root + SitePaths.stylesheet,
            feeds: feeds, nav: nav, calendarHref: root + SitePaths.calendar,
            calendars: [
                PageLayout.CalendarLink(
                    title: "\(config.title): maintenance calendar",
                    href: config.baseURL.url(SitePaths.calendar))
            ] + extraCalendars,
            apiHref: root + SitePaths.apiSummary,
            statusAsOf: showsLiveStatus ? clock.dateTime(status.now) : nil,
            statusAsOfISO: showsLiveStatus ? Timestamp.format(status.now) : nil,
            timeZoneName: clock.zoneIdentifier, share: share, structuredData: structuredData)
    }

    /// Splits `items` into pages of `size`, giving each page's path and pagination links.
    func paginate<Item>(
        _ items: [Item], size: Int, path pagePath: (Int) -> String
    ) -> [(path: String, items: ArraySlice<Item>, pagination: PaginationView?)] {
        let total = max(1, (items.count + size - 1) / size)
        return (1...total).map { number in
            let path = pagePath(number)
            let root = Self.root(for: path)
            let start = (number - 1) * size
            let slice = items[min(start, items.count)..<min(start + size, items.count)]
            let pagination =
                total > 1
                ? PaginationView(
                    previous: number > 1 ? root + pagePath(number - 1) : nil,
                    next: number < total ? root + pagePath(number + 1) : nil, current: number, total: total)
                : nil
            return (path, slice, pagination)
        }
    }
}
