import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldRender
@testable import HeraldTestSupport

/// A small site shared by the feed, API and calendar tests, built straight from the model.
///
/// As of `now` (2025-10-06 20:00 UTC): Cluster A has an ongoing incident whose updates change
/// what is affected (and one update and the resolution still in the future); Cluster B had a
/// resolved incident in August and is in an active maintenance window; Cluster A has an
/// upcoming and a cancelled window; a post names Cluster A, another names nothing and a third
/// is dated in the future. Names, titles and texts carry `<`, `&`, quotes, emoji and control
/// characters.
enum RenderFixture {
    static let now = date("2025-10-06T20:00:00Z")
    static let nastyClusterName = "B & <Backup> \"two\" 'quoted' 📮\u{1}"
    static let nastyTitle = "Cluster B <outage> & \"bounce\" 'storm' 🔥\u{7}, part; one\\two"

    static func date(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 0)
    }

    static func markdown(_ text: String) -> MarkdownText {
        MarkdownText(text, at: SourceLocation(path: "Content/x.md", line: 1, column: 1))
    }

    static func component(_ cluster: String, _ service: String) -> ComponentID {
        ComponentID(cluster: cluster, service: service)
    }

    static func impact(_ cluster: String, _ service: String, _ status: ComponentStatus) -> ComponentImpact {
        ComponentImpact(component: component(cluster, service), status: status)
    }

    static func question(_ text: String, _ answer: String, _ anchor: String) -> Question {
        Question(question: markdown(text), answer: markdown(answer), anchor: anchor)
    }

    static var config: SiteConfig {
        SiteConfig(
            title: "Example Mail Status", description: "Service status for Example Mail resellers",
            baseURL: BaseURL("https://status.example.com/status/")!,
            timeZone: TimeZone(identifier: "America/Toronto") ?? .gmt, blogTitle: "Reseller Blog",
            clusters: [
                Cluster(
                    id: "a", name: "Cluster A", description: markdown("Sign in at *admin.a.example.com*"),
                    serviceIDs: ["inbound", "outbound", "webmail", "imap", "pop"]),
                Cluster(id: "b", name: nastyClusterName, serviceIDs: ["inbound", "webmail", "imap"]),
            ],
            services: [
                Service(id: "inbound", name: "Inbound mail", description: "Mail delivered to your mailboxes"),
                Service(id: "outbound", name: "Outbound mail"),
                Service(id: "webmail", name: "Webmail"),
                Service(id: "imap", name: "IMAP"),
                Service(id: "pop", name: "POP"),
            ])
    }

    static var ongoing: Incident {
        Incident(
            slug: "cluster-a-email", title: "Cluster A email service issues",
            started: date("2025-10-06T17:30:00Z"),
            resolved: date("2025-10-07T03:05:00Z"), impact: .major,
            affected: ["inbound", "webmail", "imap", "pop"].map { impact("a", $0, .partialOutage) },
            updates: [
                IncidentUpdate(
                    at: date("2025-10-06T17:40:00Z"), status: .investigating,
                    message: markdown("Resellers report failed logins & <timeouts>."),
                    affected: [
                        impact("a", "inbound", .degradedPerformance), impact("a", "webmail", .partialOutage),
                    ],
                    id: "u1"),
                IncidentUpdate(
                    at: date("2025-10-06T18:30:00Z"), status: .identified,
                    message: markdown("Storage backend fault identified."),
                    affected: [
                        impact("a", "inbound", .majorOutage), impact("a", "webmail", .partialOutage),
                        impact("a", "imap", .partialOutage),
                    ],
                    id: "u2"),
                IncidentUpdate(
                    at: date("2025-10-06T19:15:00Z"), status: .monitoring,
                    message: markdown("A fix is in place; we are monitoring."), affected: nil, id: "u3"),
                IncidentUpdate(
                    at: date("2025-10-07T03:05:00Z"), status: .resolved,
                    message: markdown("FUTURE: all mail delivered."), affected: nil, id: "u4"),
            ],
            questions: [
                question("Does this affect *outbound* mail?", "No. Outbound mail is fine.", "q-outbound"),
                question("Is my data safe?", "Yes: mail is queued & kept.", "q-data"),
            ],
            related: ["cluster-b-august"], body: markdown("Some resellers on **Cluster A** cannot log in."),
            source: "Content/incidents/cluster-a-email.md")
    }

    static var resolved: Incident {
        Incident(
            slug: "cluster-b-august", title: nastyTitle, started: date("2025-08-14T10:00:00Z"),
            resolved: date("2025-08-14T12:00:00Z"), impact: .critical,
            affected: [impact("b", "inbound", .majorOutage)],
            updates: [
                IncidentUpdate(
                    at: date("2025-08-14T10:05:00Z"), status: .investigating,
                    message: markdown("Looking into \"it\" & <that> 🐛."), affected: nil, id: "v1"),
                IncidentUpdate(
                    at: date("2025-08-14T12:00:00Z"), status: .resolved, message: markdown("Fixed."),
                    affected: nil, id: "v2"),
            ],
            questions: [question("Why <b>?", "Because & so on \u{1}.", "q-why")], related: [],
            body: markdown("August interruption."), source: "Content/incidents/cluster-b-august.md")
    }

    static var upcoming: Maintenance {
        Maintenance(
            slug: "a-upgrade", title: "Cluster A outbound upgrade", start: date("2025-10-10T02:00:00Z"),
            end: date("2025-10-10T04:00:00Z"), cancelled: false, components: [component("a", "outbound")],
            updates: [
                MaintenanceUpdate(
                    at: date("2025-10-01T12:00:00Z"), status: .scheduled,
                    message: markdown("Planned upgrade."),
                    affected: nil, id: "m1")
            ],
            questions: [], related: [], body: markdown("Upgrade of the outbound relays."),
            source: "Content/maintenance/a-upgrade.md")
    }

    static var active: Maintenance {
        Maintenance(
            slug: "b-network", title: "Cluster B network work", start: date("2025-10-06T19:00:00Z"),
            end: date("2025-10-06T21:00:00Z"), cancelled: false,
            components: [component("b", "inbound"), component("b", "webmail")],
            updates: [
                MaintenanceUpdate(
                    at: date("2025-10-01T09:00:00Z"), status: .scheduled,
                    message: markdown("Network work planned."),
                    affected: nil, id: "n1"),
                MaintenanceUpdate(
                    at: date("2025-10-06T19:00:00Z"), status: .inProgress, message: markdown("Work started."),
                    affected: nil, id: "n2"),
            ],
            questions: [], related: [], body: markdown("Switch replacement."),
            source: "Content/maintenance/b-network.md")
    }

    static var cancelled: Maintenance {
        Maintenance(
            slug: "a-storage", title: "Cluster A storage move", start: date("2025-10-08T02:00:00Z"),
            end: date("2025-10-08T03:00:00Z"), cancelled: true, components: [component("a", "imap")],
            updates: [
                MaintenanceUpdate(
                    at: date("2025-10-02T09:00:00Z"), status: .scheduled,
                    message: markdown("Storage move planned."),
                    affected: nil, id: "s1"),
                MaintenanceUpdate(
                    at: date("2025-10-05T09:00:00Z"), status: .scheduled, message: markdown("Called off."),
                    affected: nil, id: "s2"),
            ],
            questions: [], related: [], body: markdown("Moving IMAP storage."),
            source: "Content/maintenance/a-storage.md")
    }

    static func post(_ slug: String, _ title: String, _ date: String, clusters: [String]) -> Post {
        Post(
            slug: slug, title: title, date: self.date(date),
            author: clusters.isEmpty ? nil : "Reseller Support",
            summary: nil, tags: ["email"], clusters: clusters, incidents: [], questions: [],
            body: markdown("Post \(slug)."), source: "Content/blog/\(slug).md")
    }

    static var site: Site {
        Site(
            config: config, incidents: [ongoing, resolved], maintenances: [upcoming, cancelled, active],
            posts: [
                post("future-news", "Not yet", "2025-10-09T12:00:00Z", clusters: ["a"]),
                post(
                    "cluster-a-qa", "Cluster A email: questions & answers", "2025-10-06T19:30:00Z",
                    clusters: ["a"]),
                post("welcome", "Welcome", "2025-09-01T12:00:00Z", clusters: []),
            ])
    }

    static var status: SiteStatus {
        let statuses: [ComponentID: ComponentStatus] = [
            component("a", "inbound"): .majorOutage, component("a", "webmail"): .partialOutage,
            component("a", "imap"): .partialOutage, component("b", "inbound"): .underMaintenance,
            component("b", "webmail"): .underMaintenance,
        ]
        return SiteStatus(
            now: now,
            components: config.components.map {
                ComponentState(
                    component: $0, status: statuses[$0] ?? .operational,
                    incidents: $0.cluster == "a" && statuses[$0] != nil ? ["cluster-a-email"] : [],
                    maintenances: $0.cluster == "b" && statuses[$0] != nil ? ["b-network"] : [])
            },
            clusters: ["a": .majorOutage, "b": .underMaintenance], indicator: .major,
            incidentPhases: ["cluster-a-email": .monitoring, "cluster-b-august": .resolved],
            incidentImpacts: [:], activeIncidents: ["cluster-a-email"],
            maintenanceStates: ["a-upgrade": .upcoming, "b-network": .active, "a-storage": .cancelled],
            history: [:])
    }

    /// Rendered Markdown as the Markdown stage would give it (HTML escaped, text kept raw).
    static func content(for site: Site) -> RenderedContent {
        func entry(_ body: MarkdownText, _ updates: [(String, MarkdownText)], _ questions: [Question])
            -> RenderedEntry
        {
            RenderedEntry(
                bodyHTML: "<p>\(XMLEscaping.escape(body.source))</p>",
                updatesHTML: Dictionary(
                    uniqueKeysWithValues: updates.map { ($0.0, "<p>\(XMLEscaping.escape($0.1.source))</p>") }),
                questions: questions.map {
                    RenderedQuestion(
                        anchor: $0.anchor, questionHTML: XMLEscaping.escape($0.question.source),
                        questionText: $0.question.source,
                        answerHTML: "<p>\(XMLEscaping.escape($0.answer.source))</p>")
                },
                summary: body.source)
        }
        return RenderedContent(
            incidents: Dictionary(
                uniqueKeysWithValues: site.incidents.map {
                    ($0.slug, entry($0.body, $0.updates.map { ($0.id, $0.message) }, $0.questions))
                }),
            maintenances: Dictionary(
                uniqueKeysWithValues: site.maintenances.map {
                    ($0.slug, entry($0.body, $0.updates.map { ($0.id, $0.message) }, $0.questions))
                }),
            posts: Dictionary(
                uniqueKeysWithValues: site.posts.map { ($0.slug, entry($0.body, [], $0.questions)) }),
            clusterDescriptions: [:])
    }

    /// Every file the three renderers produce for `site`, given as the build gives it: the
    /// snapshot as of `status.now`.
    static func render(_ fullSite: Site = site, status: SiteStatus = status) -> [OutputFile] {
        let site = SiteSnapshot.asOf(fullSite, now: status.now)
        let context = RenderContext(site: site, status: status, content: content(for: site))
        let feeds = AtomFeeds.plan(context, inputs: nil, keep: { _, _ in false })
        return feeds.compactMap(\.file) + StatuspageAPI.render(context) + MaintenanceCalendar.render(context)
    }

    /// `maintenance.ics` (or the calendar at `path`) for `site`, from its snapshot as of `status.now`.
    static func calendar(_ fullSite: Site = site, path: String = SitePaths.calendar) -> OutputFile {
        let site = SiteSnapshot.asOf(fullSite, now: status.now)
        let files = MaintenanceCalendar.render(
            RenderContext(site: site, status: status, content: content(for: site)))
        return files.first { $0.path == path } ?? OutputFile(path: path, text: "")
    }

    static func file(_ path: String, in files: [OutputFile]) throws -> OutputFile {
        try #require(files.first { $0.path == path }, "no \(path)")
    }
}

@Suite struct FeedFixtureTests {
    @Test func renderingIsDeterministic() {
        #expect(RenderFixture.render() == RenderFixture.render())
    }

    @Test func outputPathsAreUnique() {
        let paths = RenderFixture.render().map(\.path)
        #expect(Set(paths).count == paths.count)
    }

    /// Writes the fixture's output to `$HERALD_RENDER_DUMP` for checks with outside tools
    /// (feedparser, icalendar); skipped unless that variable is set.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HERALD_RENDER_DUMP"] != nil))
    func dumpForExternalValidators() throws {
        let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["HERALD_RENDER_DUMP"] ?? "")
        for file in RenderFixture.render() {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url)
        }
    }
}
