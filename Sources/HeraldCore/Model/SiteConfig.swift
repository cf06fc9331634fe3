import Foundation

/// `Content/site.yml`, validated.
///
/// `Encodable` (synthesized, so new fields count too) so pages can hash what they read of it
/// (`PageInputs`).
package struct SiteConfig: Hashable, Sendable, Encodable {
    package var title: String
    package var description: String?
    package var baseURL: BaseURL
    package var language: String
    package var timeZone: TimeZone
    package var blogTitle: String
    package var feedEntries: Int
    package var historyDays: Int
    /// Allow raw HTML in Markdown (`markdown.unsafe_html`); links are still filtered.
    package var unsafeHTML: Bool
    /// `stale_after`: how long an ongoing incident may go without an update before `check`
    /// and `build` warn; nil when not set (`--stale-after`, else 4 h).
    package var staleAfter: TimeInterval?
    package var clusters: [Cluster]
    package var services: [Service]
    /// `uptime:`: how the uptime report and bars count downtime.
    package var uptime: UptimePolicy
    /// `embed: {white_label: true}`: the embeddable status pages leave out the site's name.
    package var embedWhiteLabel: Bool
    /// `api.component_name`: how the Statuspage API names each component.
    package var componentNamePattern = ComponentNamePattern.standard
    /// `mail:`: the unsubscribe addresses of the notification emails' contact lists.
    package var mailLists = MailLists()
    /// `websub.hubs`: the WebSub hubs every feed names (`rel="hub"`), absolute http(s) URLs.
    package var websubHubs: [String] = []

    package init(
        title: String, description: String? = nil, baseURL: BaseURL, language: String = "en",
        timeZone: TimeZone = TimeZone.gmt, blogTitle: String = "Blog",
        feedEntries: Int = 50, historyDays: Int = 90, unsafeHTML: Bool = false,
        staleAfter: TimeInterval? = nil,
        clusters: [Cluster], services: [Service], uptime: UptimePolicy = .standard,
        embedWhiteLabel: Bool = false
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
        self.uptime = uptime
        self.embedWhiteLabel = embedWhiteLabel
    }

    /// Every component, clusters in file order and each cluster's services in its order.
    package var components: [ComponentID] {
        clusters.flatMap { cluster in
            cluster.serviceIDs.map { ComponentID(cluster: cluster.id, service: $0) }
        }
    }

    package func cluster(_ id: String) -> Cluster? { clusters.first { $0.id == id } }
    package func service(_ id: String) -> Service? { services.first { $0.id == id } }

    /// When `component` entered service: the later of its cluster's and its service's `since`;
    /// nil when neither says, so it counts over every period.
    package func since(of component: ComponentID) -> Date? {
        [cluster(component.cluster)?.since, service(component.service)?.since].compactMap { $0 }.max()
    }
}

/// A group of servers resellers are placed on; shown as a row of the status matrix.
package struct Cluster: Hashable, Sendable, Encodable {
    package var id: String
    package var name: String
    /// Inline Markdown.
    package var description: MarkdownText?
    /// The services this cluster runs, in display order.
    package var serviceIDs: [String]
    /// `since:`: the first day its components count for uptime (midnight in the site's time zone).
    package var since: Date?

    package init(
        id: String, name: String, description: MarkdownText? = nil, serviceIDs: [String], since: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.serviceIDs = serviceIDs
        self.since = since
    }
}

/// Something resellers sell, such as inbound mail; one column of the status matrix.
package struct Service: Hashable, Sendable, Encodable {
    package var id: String
    package var name: String
    package var description: String?
    /// `since:`: the first day this service counts for uptime, on every cluster.
    package var since: Date?

    package init(id: String, name: String, description: String? = nil, since: Date? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.since = since
    }
}
