/// Where each page and feed lives, relative to the output folder and to `base_url`.
///
/// Directory-style pages end in `/` (served as `…/index.html`), so links work under any
/// `base_url` path and from a local server.
package enum SitePaths {
    package static let index = ""
    package static let history = "history/"
    package static let blog = "blog/"
    package static let feed = "feed.atom"
    package static let blogFeed = "blog/feed.atom"
    package static let calendar = "maintenance.ics"
    package static let sitemap = "sitemap.xml"
    package static let notFound = "404.html"
    package static let stylesheet = "assets/style.css"
    /// The embeddable status pages' own small stylesheet.
    package static let embedStylesheet = "assets/embed.css"
    package static let apiSummary = "api/v2/summary.json"
    package static let state = "api/state.json"
    package static let changes = "api/changes.json"
    package static let uptime = "uptime/"
    package static let uptimeJSON = "api/uptime.json"
    /// The share-card image of the theme (`og:image`).
    package static let shareImage = "assets/share-card.png"

    /// One calendar year of the uptime report.
    package static func uptimeCSV(year: Int) -> String { "uptime/\(year).csv" }
    package static func clusterBadge(_ id: String) -> String { "badges/\(id).svg" }
    package static func componentBadge(_ component: ComponentID) -> String {
        "badges/\(component.cluster)/\(component.service).svg"
    }
    /// The compact status of one cluster for an `<iframe>`.
    package static func embed(_ id: String) -> String { "embed/\(id)/" }
    package static func clusterJSON(_ id: String) -> String { "api/clusters/\(id).json" }

    package static func cluster(_ id: String) -> String { "clusters/\(id)/" }
    package static func clusterFeed(_ id: String) -> String { "clusters/\(id)/feed.atom" }
    package static func componentFeed(_ component: ComponentID) -> String {
        "clusters/\(component.cluster)/\(component.service)/feed.atom"
    }
    package static func incident(_ slug: String) -> String { "incidents/\(slug)/" }
    package static func maintenance(_ slug: String) -> String { "maintenance/\(slug)/" }
    package static func post(_ slug: String) -> String { "blog/\(slug)/" }
    /// Tags are free text; their page lives under the tag's slug (validation ensures it is not empty).
    package static func tag(_ tag: String) -> String { "blog/tags/\(Slug.make(from: tag))/" }
    /// Page 1 is the section root; later pages are `page/N/`.
    package static func historyPage(_ number: Int) -> String {
        number <= 1 ? history : "history/page/\(number)/"
    }
    package static func blogPage(_ number: Int) -> String { number <= 1 ? blog : "blog/page/\(number)/" }

    /// The JSON Feed published beside an Atom feed: `clusters/a/feed.atom` → `clusters/a/feed.json`.
    package static func jsonFeed(beside atomFeed: String) -> String {
        (atomFeed.hasSuffix(".atom") ? String(atomFeed.dropLast(5)) : atomFeed) + ".json"
    }

    /// The file a directory-style path is written to.
    package static func file(for path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}
