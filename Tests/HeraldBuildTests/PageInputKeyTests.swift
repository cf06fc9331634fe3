import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldMarkdown
@testable import HeraldRender
@testable import HeraldTestSupport
@testable import HeraldValidate

/// A page that declares what it reads (`PageJob.reads`) is kept when those inputs are unchanged,
/// without its view model being built; that is sound only if equal input keys always come
/// with equal view models. This builds the example site at many instants of its incidents'
/// and windows' lives, and after edits of every kind, and checks exactly that; and that equal
/// input keys of feeds (`AtomFeeds.plan`) always come with equal bytes.
@Suite struct PageInputKeyTests {
    /// Every half hour through the October incident, the hours around the August postmortem's
    /// publication and the September window, and every other day from August to December.
    static let instants: [Date] = {
        func every(_ step: TimeInterval, from start: String, to end: String) -> [Date] {
            guard let first = Timestamp.parse(start), let last = Timestamp.parse(end) else { return [] }
            return Array(stride(from: first, through: last, by: step))
        }
        return every(1800, from: "2025-10-06T17:00:00Z", to: "2025-10-07T04:00:00Z")
            + every(1800, from: "2025-08-14T13:30:00Z", to: "2025-08-14T16:30:00Z")
            + every(1800, from: "2025-09-17T04:30:00Z", to: "2025-09-17T07:30:00Z")
            + every(60, from: "2025-08-18T14:58:00Z", to: "2025-08-18T15:02:00Z")
            + every(2 * 86_400, from: "2025-08-01T12:00:00Z", to: "2025-12-31T12:00:00Z")
    }()

    /// Input key → model key of every declaring page seen so far, and what was seen.
    struct Observations {
        var models: [StableHash: StableHash] = [:]
        /// Path and input key → hash of the bytes of every feed file seen so far.
        var feedBytes: [StableHash: StableHash] = [:]
        var feedsChecked = 0
        var feedsRepeated = 0
        var conflicts: [String] = []
        var checked = 0
        var repeated = 0
        var sourced = 0

        mutating func add(_ root: String, now: Date, drafts: Bool = false) throws {
            let options = BuildOptions(siteRoot: root, now: now, includeDrafts: drafts)
            var stages = StageTimes()
            // With a parse memo, so the items the snapshot leaves as they are have their sources.
            let prepared = try SiteBuilder.prepare(
                options, fileSystem: LocalFileSystem(), stages: &stages, parseMemo: ParseMemo())
            let content = ContentRenderer.render(prepared.site, markdown: prepared.markdown)
            let inputs = PageInputs(
                site: prepared.site, status: prepared.status, templates: prepared.templates,
                sources: prepared.sources)
            let context = RenderContext(site: prepared.site, status: prepared.status, content: content)
            let keys = PageRenderer.keys(context, templates: prepared.templates, inputs: inputs)
            // Feeds: an input key must always come with the same bytes.
            let feeds = AtomFeeds.plan(context, inputs: inputs, keep: { _, _ in false })
            for feed in feeds {
                // An Atom feed and the JSON Feed beside it share their input key.
                guard case .rendered(let file, let inputs?) = feed else { continue }
                let contents = file.contents
                var pathAndKey = StableHasher()
                pathAndKey.combine(file.path)
                pathAndKey.combine(inputs)
                let key = pathAndKey.finalize()
                feedsChecked += 1
                let bytes = StableHash.of(String(decoding: contents, as: UTF8.self))
                if let seen = feedBytes[key] {
                    feedsRepeated += 1
                    if seen != bytes {
                        conflicts.append(
                            "\(file.path) as of \(Timestamp.format(now)): same inputs, other bytes")
                    }
                } else {
                    feedBytes[key] = bytes
                }
            }
            sourced += prepared.sources.incidents.count + prepared.sources.posts.count
            for page in keys {
                guard let input = page.input else { continue }
                checked += 1
                if let seen = models[input] {
                    repeated += 1
                    if seen != page.model {
                        conflicts.append(
                            "\(page.path) as of \(Timestamp.format(now)): same inputs, other view model")
                    }
                } else {
                    models[input] = page.model
                }
            }
        }
    }

    @Test func equalInputKeysComeWithEqualViewModels() throws {
        let site = try BuildCacheTests.Site()
        var seen = Observations()
        for instant in Self.instants { try seen.add(site.root, now: instant) }
        try seen.add(site.root, now: BuildCacheTests.now, drafts: true)

        let edits: [(String, (String) -> String)] = [
            // The related incident's title shows on the October incident's page.
            (
                "Content/incidents/2025-08-14-cluster-a-interruption.md",
                { $0.replacingOccurrences(of: "title: ", with: "title: Renamed, ") }
            ),
            // A post that links the October incident: its summary shows on the incident page.
            (
                "Content/blog/2025-10-09-cluster-a-incident-review.md",
                { $0.replacingOccurrences(of: "what we are changing", with: "what changes") }
            ),
            (BuildCacheTests.incident, { $0 + "\nOne more sentence about *the fix*.\n" }),
            ("Content/site.yml", { $0.replacingOccurrences(of: "Cluster A", with: "Cluster Alpha") }),
            (
                "Content/site.yml",
                { $0.replacingOccurrences(of: "unsafe_html: false", with: "unsafe_html: true") }
            ),
            // A service nothing has affected yet: its feed lists no entry, and says the newest
            // entry's time of the whole site instead.
            (
                "Content/site.yml",
                {
                    $0.replacingOccurrences(
                        of: "services:\n  - id: inbound",
                        with: "services:\n  - id: calendar\n    name: Calendars\n\n  - id: inbound")
                }
            ),
            (
                "Templates/partials/update.mustache",
                { $0.replacingOccurrences(of: "From this update", with: "Since then") }
            ),
        ]
        for (file, change) in edits {
            try site.edit(file, change)
            for instant in [BuildCacheTests.now, Self.instants[0], Self.instants[Self.instants.count - 1]] {
                try seen.add(site.root, now: instant)
            }
        }

        #expect(seen.conflicts.isEmpty, "\(seen.conflicts.prefix(10))")
        // Not vacuous: most pages keep their inputs from one instant to the next.
        #expect(seen.checked > 900)
        #expect(seen.repeated > seen.checked / 2)
        #expect(seen.models.count > 50, "inputs change as the incidents unfold")
        #expect(seen.sourced > 300, "most items are keyed by their parse records")
        #expect(seen.feedsChecked > 1000 && seen.feedsRepeated > seen.feedsChecked / 2)
        #expect(seen.feedBytes.count > 50, "feeds change as the incidents unfold")
    }

    /// A history or blog page's items and its place in the pagination: the first page lists the
    /// same items when one older than all is added, but says it is page 1 of 3, not of 2.
    @Test func listPagesAreKeyedByTheirPlaceInThePagination() throws {
        let site = try BuildCacheTests.Site()
        var stages = StageTimes()
        let options = BuildOptions(siteRoot: site.root, now: BuildCacheTests.now)
        let example = try SiteBuilder.prepare(
            options, fileSystem: LocalFileSystem(), stages: &stages, parseMemo: ParseMemo())
        let events = example.site.incidents.count + example.site.maintenances.count
        let perPage = HistoryPage.pageSize
        func addIncident(_ number: Int) throws {
            let day = Timestamp.format(Date(timeIntervalSince1970: 1_700_000_000 - Double(number) * 86_400))
            try """
            ---
            title: Older interruption \(number)
            started: \(day)
            resolved: \(day)
            impact: minor
            affected:
              - cluster: a
                services: [webmail]
                status: degraded-performance
            ---
            Webmail was slow.
            """.write(
                toFile: "\(site.root)/Content/incidents/older-\(number).md", atomically: true, encoding: .utf8
            )
        }
        let postsPerPage = BlogIndexPage.pageSize
        func addPost(_ number: Int) throws {
            let day = Timestamp.format(Date(timeIntervalSince1970: 1_700_000_000 - Double(number) * 86_400))
            try "---\ntitle: Older news \(number)\ndate: \(day)\n---\nNews.\n".write(
                toFile: "\(site.root)/Content/blog/older-\(number).md", atomically: true, encoding: .utf8)
        }
        var seen = Observations()
        for number in 0..<(2 * perPage - events) { try addIncident(number) }
        for number in 0..<(2 * postsPerPage - example.site.posts.count) { try addPost(number) }
        try seen.add(site.root, now: BuildCacheTests.now)
        try addIncident(2 * perPage)
        try addPost(2 * postsPerPage)
        try seen.add(site.root, now: BuildCacheTests.now)
        #expect(seen.conflicts.isEmpty, "\(seen.conflicts.prefix(10))")
        #expect(seen.checked > 0)
    }
}
