/// Where each page and feed lives, relative to the output folder and to `base_url`.
///
/// Directory-style pages end in `/` (served as `…/index.html`), so links work under any
/// `base_url` path and from a local server.
public enum SitePaths {
    public static let index = ""
    public static let history = "history/"
    public static let blog = "blog/"
    public static let feed = "feed.atom"
    public static let blogFeed = "blog/feed.atom"
    public static let calendar = "maintenance.ics"
    public static let sitemap = "sitemap.xml"
    public static let notFound = "404.html"
    public static let stylesheet = "assets/style.css"
    public static let apiSummary = "api/v2/summary.json"
    public static let state = "api/state.json"
    public static let changes = "api/changes.json"

    public static func cluster(_ id: String) -> String { "clusters/\(id)/" }
    public static func clusterFeed(_ id: String) -> String { "clusters/\(id)/feed.atom" }
    public static func componentFeed(_ component: ComponentID) -> String {
        "clusters/\(component.cluster)/\(component.service)/feed.atom"
    }
    public static func incident(_ slug: String) -> String { "incidents/\(slug)/" }
    public static func maintenance(_ slug: String) -> String { "maintenance/\(slug)/" }
    public static func post(_ slug: String) -> String { "blog/\(slug)/" }
    /// Tags are free text; their page lives under the tag's slug (validation ensures it is not empty).
    public static func tag(_ tag: String) -> String { "blog/tags/\(Slug.make(from: tag))/" }
    /// Page 1 is the section root; later pages are `page/N/`.
    public static func historyPage(_ number: Int) -> String {
        number <= 1 ? history : "history/page/\(number)/"
    }
    public static func blogPage(_ number: Int) -> String { number <= 1 ? blog : "blog/page/\(number)/" }

    /// The file a directory-style path is written to.
    public static func file(for path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}
