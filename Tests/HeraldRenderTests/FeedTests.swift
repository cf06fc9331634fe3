import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

/// An Atom feed as an independent parser (`XMLParser`) reads it.
struct ParsedFeed {
    struct Entry {
        var id: String
        var title: String
        var link: String?
        var published: String
        var updated: String
        var categories: [String: String?]
        var summary: String?
        var content: String
        var contentType: String?
    }

    var id: String
    var title: String
    var updated: String
    var selfLink: String?
    var alternateLink: String?
    var author: String?
    var entries: [Entry]

    init(_ file: OutputFile) throws {
        let root = try #require(XMLNode.parse(file.contents), "\(file.path) is not well-formed XML")
        #expect(root.name == "feed")
        id = root.text("id") ?? ""
        title = root.text("title") ?? ""
        updated = root.text("updated") ?? ""
        selfLink = root.all("link").first { $0.attributes["rel"] == "self" }?.attributes["href"]
        alternateLink = root.all("link").first { $0.attributes["rel"] == "alternate" }?.attributes["href"]
        author = root.first("author")?.text("name")
        entries = root.all("entry").map { entry in
            Entry(
                id: entry.text("id") ?? "", title: entry.text("title") ?? "",
                link: entry.all("link").first { $0.attributes["rel"] == "alternate" }?.attributes["href"],
                published: entry.text("published") ?? "", updated: entry.text("updated") ?? "",
                categories: Dictionary(
                    entry.all("category").map { ($0.attributes["term"] ?? "", $0.attributes["label"]) },
                    uniquingKeysWith: { first, _ in first }),
                summary: entry.text("summary"), content: entry.text("content") ?? "",
                contentType: entry.first("content")?.attributes["type"])
        }
    }

    var entryIDs: [String] { entries.map(\.id) }
}

@Suite struct AtomFeedTests {
    let files = RenderFixture.render()
    let tag = "tag:status.example.com,2025:status/"
    let base = "https://status.example.com/status/"

    func feed(_ path: String, in files: [OutputFile]? = nil) throws -> ParsedFeed {
        try ParsedFeed(RenderFixture.file(path, in: files ?? self.files))
    }

    func ids(_ kind: String, _ slugs: [String]) -> [String] { slugs.map { "\(tag)\(kind)/\($0)" } }

    @Test func writesAFeedForTheSiteEveryClusterEveryComponentAndTheBlog() {
        let feeds = Set(files.map(\.path).filter { $0.hasSuffix(".atom") })
        let components = RenderFixture.config.components.map(SitePaths.componentFeed)
        #expect(components.count == 8)
        #expect(
            feeds
                == Set(
                    ["feed.atom", "clusters/a/feed.atom", "clusters/b/feed.atom", "blog/feed.atom"]
                        + components))
    }

    @Test func everyFeedIsWellFormedWithIdsLinksAndDates() throws {
        for file in files where file.path.hasSuffix(".atom") {
            let parsed = try ParsedFeed(file)
            #expect(parsed.id.hasPrefix(tag), "\(file.path)")
            #expect(parsed.selfLink == base + file.path)
            #expect(parsed.alternateLink?.hasPrefix(base) == true)
            #expect(parsed.author == "Example Mail Status")
            #expect(parsed.updated.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
            for entry in parsed.entries {
                #expect(entry.link?.hasPrefix(base) == true)
                #expect(entry.published <= entry.updated, "\(entry.id)")
                #expect(entry.contentType == "html")
            }
            let updates = parsed.entries.map(\.updated)
            #expect(updates == updates.sorted(by: >), "\(file.path) is not newest first")
            // A feed without entries is as new as the newest entry of the site (the site feed's),
            // so its bytes change only with the content.
            #expect(parsed.updated == (parsed.entries.first?.updated ?? "2025-10-10T02:00:00Z"))
        }
    }

    @Test func siteFeedListsIncidentsAndMaintenanceNewestUpdatedFirst() throws {
        let parsed = try feed("feed.atom")
        #expect(parsed.id == tag + "feed")
        #expect(parsed.title == "Example Mail Status")
        #expect(parsed.alternateLink == base)
        #expect(
            parsed.entryIDs == [
                tag + "maintenance/a-upgrade", tag + "maintenance/a-storage",
                tag + "incident/cluster-a-email",
                tag + "maintenance/b-network", tag + "incident/cluster-b-august",
            ])
        #expect(parsed.updated == "2025-10-10T02:00:00Z")
        let ongoing = try #require(parsed.entries.first { $0.id.hasSuffix("cluster-a-email") })
        #expect(ongoing.updated == "2025-10-06T19:15:00Z")
        #expect(ongoing.published == "2025-10-06T17:30:00Z")
        #expect(ongoing.link == base + "incidents/cluster-a-email/")
        #expect(ongoing.title == "Cluster A email service issues")
        #expect(ongoing.summary == "Some resellers on **Cluster A** cannot log in.")
    }

    @Test func incidentContentCarriesTheWholePublishedTimelineAndTheQA() throws {
        let content = try #require(try feed("feed.atom").entries.first { $0.id.hasSuffix("cluster-a-email") })
            .content
        let order = [
            "6 Oct 2025, 15:15 EDT", "Monitoring", "A fix is in place",
            "6 Oct 2025, 14:30 EDT", "Identified", "Storage backend fault identified.",
            "Cluster A / Inbound mail: Major outage",
            "6 Oct 2025, 13:40 EDT", "Investigating",
            "Resellers report failed logins &amp; &lt;timeouts&gt;.",
            "Questions and answers", "Does this affect *outbound* mail?", "No. Outbound mail is fine.",
            "Is my data safe?", "Yes: mail is queued &amp; kept.",
        ]
        var rest = Substring(content)
        for piece in order {
            let range = try #require(rest.range(of: piece), "missing or out of order: \(piece)")
            rest = rest[range.upperBound...]
        }
        for piece in [
            "Some resellers on **Cluster A** cannot log in.", "<strong>Status:</strong> Monitoring",
            "<strong>Impact:</strong> Major",
            // POP recovered at 14:30; IMAP left the impact at 13:40 and came back at 14:30.
            "Cluster A / POP: Operational (worst: Partial outage, impaired for 10 min)",
            "Cluster A / IMAP: Partial outage (worst: Partial outage, impaired since 6 Oct 2025, 14:30 EDT, "
                + "and for 10 min before)",
        ] {
            #expect(content.contains(piece), "missing \(piece)")
        }
        #expect(!content.contains("FUTURE"), "an update dated after now is published")
        #expect(!content.contains("Resolved"))
    }

    @Test func categoriesNameAffectedClustersAndComponents() throws {
        let entries = try feed("feed.atom").entries
        let ongoing = try #require(entries.first { $0.id.hasSuffix("cluster-a-email") })
        #expect(ongoing.categories["a"] == "Cluster A")
        #expect(ongoing.categories["a/inbound"] == "Cluster A / Inbound mail")
        #expect(ongoing.categories["a/imap"] == "Cluster A / IMAP")
        #expect(ongoing.categories["incident"] == "Incident")
        #expect(ongoing.categories["b"] == nil)
        let network = try #require(entries.first { $0.id.hasSuffix("b-network") })
        #expect(
            network.categories["b"]
                == RenderFixture.nastyClusterName.replacingOccurrences(of: "\u{1}", with: ""))
        #expect(network.categories["maintenance"] == "Maintenance")
    }

    @Test func clusterFeedsListWhatAffectsTheClusterAndPostsNamingIt() throws {
        let a = try feed("clusters/a/feed.atom")
        #expect(a.id == tag + "feed/cluster/a")
        #expect(a.alternateLink == base + "clusters/a/")
        #expect(a.title == "Example Mail Status – Cluster A")
        #expect(
            a.entryIDs
                == ids("maintenance", ["a-upgrade", "a-storage"]) + ids("post", ["cluster-a-qa"])
                + ids("incident", ["cluster-a-email"]))
        let b = try feed("clusters/b/feed.atom")
        #expect(b.entryIDs == ids("maintenance", ["b-network"]) + ids("incident", ["cluster-b-august"]))
    }

    @Test func componentFeedsListOnlyWhatTouchesThatComponent() throws {
        let expected: [String: [String]] = [
            "a/inbound": ids("incident", ["cluster-a-email"]),
            "a/outbound": ids("maintenance", ["a-upgrade"]),
            "a/imap": ids("maintenance", ["a-storage"]) + ids("incident", ["cluster-a-email"]),
            "a/pop": ids("incident", ["cluster-a-email"]),
            "b/inbound": ids("maintenance", ["b-network"]) + ids("incident", ["cluster-b-august"]),
            "b/webmail": ids("maintenance", ["b-network"]),
            "b/imap": [],
        ]
        for (key, entryIDs) in expected {
            let parts = key.split(separator: "/").map(String.init)
            let path = SitePaths.componentFeed(ComponentID(cluster: parts[0], service: parts[1]))
            let parsed = try feed(path)
            #expect(parsed.entryIDs == entryIDs, "\(key)")
            #expect(parsed.id == tag + "feed/component/\(key)")
            #expect(parsed.alternateLink == base + "clusters/\(parts[0])/")
        }
        #expect(try feed("clusters/b/imap/feed.atom").updated == "2025-10-10T02:00:00Z")
    }

    @Test func blogFeedListsPublishedPostsOnly() throws {
        let blog = try feed("blog/feed.atom")
        #expect(blog.id == tag + "feed/blog")
        #expect(blog.alternateLink == base + "blog/")
        #expect(blog.entryIDs == ids("post", ["cluster-a-qa", "welcome"]))
        let post = try #require(blog.entries.first)
        #expect(post.title == "Cluster A email: questions & answers")
        #expect(post.link == base + "blog/cluster-a-qa/")
        #expect(post.published == "2025-10-06T19:30:00Z")
        #expect(post.categories["a"] == "Cluster A")
        #expect(post.categories["email"] == .some(nil))
    }

    @Test func cancelledMaintenanceSaysSo() throws {
        let entry = try #require(try feed("feed.atom").entries.first { $0.id.hasSuffix("a-storage") })
        #expect(entry.title == "Cancelled: Cluster A storage move")
        #expect(entry.content.contains("called off"))
        #expect(entry.summary?.hasPrefix("Cancelled.") == true)
        #expect(entry.updated == "2025-10-08T02:00:00Z")
        #expect(entry.published == "2025-10-02T09:00:00Z")
    }

    @Test func feedsKeepAtMostFeedEntries() throws {
        var site = RenderFixture.site
        site.config.feedEntries = 2
        let files = RenderFixture.render(site)
        #expect(try feed("feed.atom", in: files).entryIDs == ids("maintenance", ["a-upgrade", "a-storage"]))
        #expect(try feed("clusters/a/feed.atom", in: files).entries.count == 2)
        #expect(try feed("blog/feed.atom", in: files).entries.count == 2)
        #expect(try feed("clusters/b/inbound/feed.atom", in: files).entries.count == 2)
    }

    @Test func specialCharactersSurviveInTitlesBodiesQAndClusterNames() throws {
        let entries = try feed("feed.atom").entries
        let august = try #require(entries.first { $0.id.hasSuffix("cluster-b-august") })
        #expect(august.title == "Cluster B <outage> & \"bounce\" 'storm' 🔥, part; one\\two")
        #expect(august.content.contains("Looking into &quot;it&quot; &amp; &lt;that&gt; 🐛."))
        #expect(august.content.contains("Why &lt;b&gt;?"))
        // The control character in the answer's Markdown is U+FFFD, as in every other output.
        #expect(august.content.contains("Because &amp; so on \u{FFFD}."))
        #expect(
            august.content.contains(
                "B &amp; &lt;Backup&gt; &quot;two&quot; &apos;quoted&apos; 📮 / Inbound mail"))
        let raw = String(decoding: try RenderFixture.file("feed.atom", in: files).contents, as: UTF8.self)
        #expect(!raw.contains("\u{1}") && !raw.contains("\u{7}"))
    }

    @Test func baseURLAtTheRootGivesRootIds() throws {
        var site = RenderFixture.site
        site.config.baseURL = try #require(BaseURL("https://status.example.com:8443/"))
        let parsed = try feed("feed.atom", in: RenderFixture.render(site))
        #expect(parsed.id == "tag:status.example.com,2025:feed")
        #expect(parsed.selfLink == "https://status.example.com:8443/feed.atom")
        #expect(parsed.entries.contains { $0.id == "tag:status.example.com,2025:incident/cluster-a-email" })
    }
}
