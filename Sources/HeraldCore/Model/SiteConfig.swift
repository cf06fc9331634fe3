import Foundation

/// `Content/site.yml`, validated.
public struct SiteConfig: Hashable, Sendable {
    public var title: String
    public var description: String?
    public var baseURL: BaseURL
    public var language: String
    public var timeZone: TimeZone
    public var blogTitle: String
    public var feedEntries: Int
    public var historyDays: Int
    /// Allow raw HTML in Markdown (`markdown.unsafe_html`); links are still filtered.
    public var unsafeHTML: Bool
    /// `stale_after`: how long an ongoing incident may go without an update before `check`
    /// and `build` warn; nil when not set (`--stale-after`, else 4 h).
    public var staleAfter: TimeInterval?
    public var clusters: [Cluster]
    public var services: [Service]

    public init(
        title: String, description: String? = nil, baseURL: BaseURL, language: String = "en",
        timeZone: TimeZone = TimeZone.gmt, blogTitle: String = "Blog",
        feedEntries: Int = 50, historyDays: Int = 90, unsafeHTML: Bool = false,
        staleAfter: TimeInterval? = nil,
        clusters: [Cluster], services: [Service]
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.timeZone = timeZone
        self.blogTitle = blogTitle
        self.feedEntries = feedEntries
        self.historyDays = historyDays
        self.unsafeHTML = unsafeHTML
        self.staleAfter = staleAfter
        self.clusters = clusters
        self.services = services
    }

    /// Every component, clusters in file order and each cluster's services in its order.
    public var components: [ComponentID] {
        clusters.flatMap { cluster in
            cluster.serviceIDs.map { ComponentID(cluster: cluster.id, service: $0) }
        }
    }

    public func cluster(_ id: String) -> Cluster? { clusters.first { $0.id == id } }
    public func service(_ id: String) -> Service? { services.first { $0.id == id } }
}

/// A group of servers resellers are placed on; shown as a row of the status matrix.
public struct Cluster: Hashable, Sendable {
    public var id: String
    public var name: String
    /// Inline Markdown.
    public var description: MarkdownText?
    /// The services this cluster runs, in display order.
    public var serviceIDs: [String]

    public init(id: String, name: String, description: MarkdownText? = nil, serviceIDs: [String]) {
        self.id = id
        self.name = name
        self.description = description
        self.serviceIDs = serviceIDs
    }
}

/// Something resellers sell, such as inbound mail; one column of the status matrix.
public struct Service: Hashable, Sendable {
    public var id: String
    public var name: String
    public var description: String?

    public init(id: String, name: String, description: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }
}
