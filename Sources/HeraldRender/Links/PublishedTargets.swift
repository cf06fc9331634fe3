import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// What a build as of `now` publishes that content may link to: its pages, its feeds, the
/// anchors of its incident, maintenance and post pages, and the pages of content dated later.
struct PublishedTargets: Equatable, Sendable {
    /// An incident or post page that exists in the content but is published only later.
    struct Later: Equatable, Sendable {
        var kind: String
        var date: Date
    }

    /// Directory-style page paths (`incidents/x/`, `` for the index) and feed paths.
    private(set) var paths: Set<String> = []
    /// Page → the ids on it that links may point at; only pages whose ids Herald knows.
    private(set) var anchors: [String: Set<String>] = [:]
    private(set) var later: [String: Later] = [:]
    /// Section (`incidents/`, `blog/`…) → the slugs under it, published or later, for suggestions.
    private(set) var slugs: [String: [String]] = [:]

    /// `site` is the whole validated content; `published` the same as of `now`.
    init(site: Site, published: Site) {
        let config = site.config
        let events = published.incidents.count + published.maintenances.count
        paths.insert(SitePaths.index)
        for number in 1...max(1, (events + HistoryPage.pageSize - 1) / HistoryPage.pageSize) {
            paths.insert(SitePaths.historyPage(number))
        }
        for number
            in 1...max(1, (published.posts.count + BlogIndexPage.pageSize - 1) / BlogIndexPage.pageSize)
        {
            paths.insert(SitePaths.blogPage(number))
        }
        for cluster in config.clusters { add(SitePaths.cluster(cluster.id), section: "clusters/") }
        let feeds =
            [SitePaths.feed, SitePaths.blogFeed] + config.clusters.map { SitePaths.clusterFeed($0.id) }
            + config.components.map(SitePaths.componentFeed)
        for feed in feeds { paths.formUnion([feed, SitePaths.jsonFeed(beside: feed)]) }
        // Sorted, so suggestions (closest first, ties in this order) are the same every build.
        for tag in Set(published.posts.flatMap(\.tags)).sorted() {
            add(SitePaths.tag(tag), section: "blog/tags/")
        }

        for incident in published.incidents {
            add(
                SitePaths.incident(incident.slug), section: "incidents/",
                anchors: Self.anchors(incident.questions, updates: incident.updates.map(\.id)))
        }
        for maintenance in published.maintenances {
            add(
                SitePaths.maintenance(maintenance.slug), section: "maintenance/",
                anchors: Self.anchors(maintenance.questions, updates: maintenance.updates.map(\.id)))
        }
        for post in published.posts {
            add(
                SitePaths.post(post.slug), section: "blog/",
                anchors: Self.anchors(post.questions, updates: []))
        }
        for incident in site.incidents where !paths.contains(SitePaths.incident(incident.slug)) {
            addLater(
                SitePaths.incident(incident.slug), section: "incidents/",
                Later(kind: "incident", date: incident.started))
        }
        for post in site.posts where !paths.contains(SitePaths.post(post.slug)) {
            addLater(SitePaths.post(post.slug), section: "blog/", Later(kind: "post", date: post.date))
        }
    }

    /// The ids of an item page that content may link to: the main content, the Q&A section
    /// and each question, each update of the timeline.
    private static func anchors(_ questions: [Question], updates: [String]) -> Set<String> {
        var anchors: Set<String> = ["main"]
        if !questions.isEmpty { anchors.formUnion(["questions", "questions-heading"]) }
        anchors.formUnion(questions.map(\.anchor))
        anchors.formUnion(updates)
        return anchors
    }

    private mutating func add(_ path: String, section: String, anchors: Set<String>? = nil) {
        paths.insert(path)
        if let anchors { self.anchors[path] = anchors }
        slugs[section, default: []].append(Self.slug(of: path, in: section))
    }

    private mutating func addLater(_ path: String, section: String, _ item: Later) {
        later[path] = item
        slugs[section, default: []].append(Self.slug(of: path, in: section))
    }

    private static func slug(of path: String, in section: String) -> String {
        String(path.dropFirst(section.count).dropLast())
    }

    /// The section a page path is in, longest first (`blog/tags/` before `blog/`).
    static let sections = ["blog/tags/", "blog/", "incidents/", "maintenance/", "clusters/"]

    /// A near path for one that is not published: the same section with the closest slug.
    func suggestion(for path: String) -> String? {
        guard let section = Self.sections.first(where: { path.hasPrefix($0) }) else { return nil }
        let slug = path.dropFirst(section.count).split(separator: "/").first.map(String.init) ?? ""
        guard !slug.isEmpty, let closest = Suggestion.closest(to: slug, in: slugs[section] ?? []) else {
            return nil
        }
        return section + closest + "/"
    }
}
