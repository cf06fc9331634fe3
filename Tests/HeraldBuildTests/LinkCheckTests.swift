import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldMarkdown
@testable import HeraldRender
@testable import HeraldTestSupport
@testable import HeraldValidate

/// `herald check` and `build` report links to pages, feeds and anchors the build does not publish.
@Suite struct LinkCheckTests {
    static let now = "2025-10-06T19:00:00Z"

    /// A post with a good link, a broken slug, a broken anchor, a link to a post dated after
    /// `now`, and links that are none of the site's business.
    static let post = """
        ---
        title: Links
        date: 2025-10-06T18:00:00Z
        summary: Links of every kind.
        ---
        Good: [incident](https://status.example.com/incidents/2025-10-06-cluster-a-email/#q-which-resellers-are-affected),
        [relative](../../incidents/2025-10-06-cluster-a-email/), [feed](/clusters/a/feed.json) and
        [history](../../history/index.html).

        Broken slug: [typo](https://status.example.com/incidents/2025-10-06-cluster-a-emial/).

        Broken anchor: [anchor](../../incidents/2025-10-06-cluster-a-email/#q-which-reseller-are-affected).

        Future: [later](https://status.example.com/blog/2025-10-06-cluster-a-questions-and-answers/).

        Elsewhere: [other site](https://example.org/incidents/x/), [mail](mailto:support@example.com),
        [calendar](../../maintenance.ics), [top](#main).
        """

    static func site() throws -> String {
        let site = try HeraldProcess.copyOfExampleSite()
        try post.write(toFile: "\(site)/Content/blog/2025-10-06-links.md", atomically: true, encoding: .utf8)
        return site
    }

    static let file = "Content/blog/2025-10-06-links.md"

    static let expected = [
        "\(file):10:14: warning: link to `https://status.example.com/incidents/2025-10-06-cluster-a-emial/`: "
            + "the build publishes no page or feed at `incidents/2025-10-06-cluster-a-emial/`; did you mean "
            + "`incidents/2025-10-06-cluster-a-email/`?",
        "\(file):12:16: warning: link to `../../incidents/2025-10-06-cluster-a-email/#q-which-reseller-are-affected`: "
            + "`incidents/2025-10-06-cluster-a-email/` has no anchor `#q-which-reseller-are-affected`; did you "
            + "mean `#q-which-resellers-are-affected`?",
        "\(file):14:9: warning: link to `https://status.example.com/blog/2025-10-06-cluster-a-questions-and-answers/`: "
            + "the post at `blog/2025-10-06-cluster-a-questions-and-answers/` is dated 2025-10-06T21:00:00Z, after "
            + "now (2025-10-06T19:00:00Z), so it is not published yet and the link is broken until then; link to "
            + "it once it is out, or date it earlier",
    ]

    @Test func checkReportsEachBrokenLinkAtItsPosition() throws {
        let site = try Self.site()
        let check = try HeraldProcess.run(["check", "--now", Self.now], in: site)
        #expect(check.status == 0, "warnings do not fail the check")
        #expect(check.standardOutput.split(separator: "\n").map(String.init) == Self.expected)

        let strict = try HeraldProcess.run(["check", "--now", Self.now, "--strict"], in: site)
        #expect(strict.status == 1)
        #expect(strict.standardOutput.contains("\(Self.file):10:14: error: link to "))
    }

    @Test func buildWarnsAndStillPublishes() throws {
        let site = try Self.site()
        let build = try HeraldProcess.run(["build", "--now", Self.now], in: site)
        #expect(build.status == 0)
        for line in Self.expected { #expect(build.standardError.contains(line), "\(line)") }
        #expect(FileManager.default.fileExists(atPath: "\(site)/Output/blog/2025-10-06-links/index.html"))
    }

    @Test func theExampleIsCleanMidIncidentAndAfter() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        for now in ["2025-10-06T17:45:00Z", Self.now, "2025-10-06T22:00:00Z", "2025-10-12T00:00:00Z"] {
            let check = try HeraldProcess.run(["check", "--now", now, "--strict"], in: site)
            #expect(check.status == 0, "\(now): \(check.standardOutput)")
            #expect(check.standardOutput.isEmpty, "\(now)")
        }
    }

    /// The parses record each text's links, and the check reads those instead of parsing the
    /// texts again: the same warnings as parsing every text here, from a parse record too.
    @Test func theCheckReadsTheLinksTheParsesRecorded() throws {
        let options = BuildOptions(siteRoot: try Self.site(), now: try #require(Timestamp.parse(Self.now)))
        let validation = try SiteBuilder.check(options, fileSystem: LocalFileSystem(), memo: ParseMemo())
        let site = try #require(validation.site)
        let post = try #require(site.posts.first { $0.slug == "2025-10-06-links" })
        #expect(validation.links.links(in: post.body)?.count == 11)
        let parsedHere = LinkCheck.warnings(site, now: options.now, links: TextLinks())
        // (The paths here are absolute: the site root is not where the test runs.)
        #expect(parsedHere.count == Self.expected.count)
        for (warning, line) in zip(parsedHere, Self.expected) { #expect(warning.description.hasSuffix(line)) }
        #expect(LinkCheck.warnings(site, now: options.now, links: validation.links) == parsedHere)

        let records = validation.parses.values.compactMap { $0.data.flatMap(ParseMemo.document(from:)) }
        let recorded = TextLinks(merging: records.compactMap(\.links))
        #expect(recorded == validation.links, "a parse record keeps the links")

        // What is recorded is what is checked: a record that says other links is believed.
        let doctored = TextLinks(
            of: [MarkdownText("[x](https://status.example.com/nope/)", at: post.body.location)])
        let believed = LinkCheck.warnings(site, now: options.now, links: doctored)
        #expect(believed.contains { $0.message.hasPrefix("link to `https://status.example.com/nope/`") })
        #expect(!believed.contains { $0.message.contains("emial") })
    }

    /// `serve`'s next check takes a page's warnings from its last one while the site publishes
    /// the same targets, as of a later `now` too (each rebuild without `--now`), except on a page
    /// whose warnings name `now`. What is taken is seen by doctoring the recorded links, which
    /// only a page checked again reads.
    @Test func aLaterCheckTakesTheWarningsThatDoNotNameNow() throws {
        let root = try Self.site()
        let other = "Content/blog/2025-10-06-more-links.md"
        try """
        ---
        title: More links
        date: 2025-10-06T18:30:00Z
        summary: One broken link.
        ---
        Broken slug: [typo](https://status.example.com/incidents/2025-10-06-cluster-a-emial/).
        """.write(toFile: "\(root)/\(other)", atomically: true, encoding: .utf8)
        let now = try #require(Timestamp.parse(Self.now))
        let options = BuildOptions(siteRoot: root, now: now)
        let validation = try SiteBuilder.check(options, fileSystem: LocalFileSystem(), memo: ParseMemo())
        let site = try #require(validation.site)
        let first = LinkCheck.check(site, now: now, links: validation.links)
        let previous = try #require(first.checked)
        let bodies = ["2025-10-06-links", "2025-10-06-more-links"].compactMap { slug in
            site.posts.first { $0.slug == slug }?.body
        }
        #expect(bodies.count == 2)
        let doctored = TextLinks(
            of: bodies.map { MarkdownText("[x](https://status.example.com/nope/)", at: $0.location) })
        func messages(_ warnings: [Diagnostic], in file: String) -> [String] {
            warnings.filter { $0.location.path.hasSuffix(file) }.map(\.message)
        }
        let nope =
            "link to `https://status.example.com/nope/`: the build publishes no page or feed at `nope/`"

        // The same `now`: every page's warnings are taken, doctored links or not.
        let again = LinkCheck.check(site, now: now, links: doctored, previous: previous).warnings
        #expect(again == first.warnings)

        // A minute later, with the same targets: the page without a warning that names `now` keeps
        // its warnings; the one with such a warning is checked again, reading the doctored links.
        let later = LinkCheck.check(
            site, now: now.addingTimeInterval(60), links: doctored, previous: previous
        ).warnings
        #expect(messages(later, in: other) == messages(first.warnings, in: other))
        #expect(messages(later, in: other).first?.contains("emial") == true)
        #expect(messages(later, in: Self.file) == [nope])

        // Without a previous check, both read the doctored links.
        let fresh = LinkCheck.check(site, now: now.addingTimeInterval(60), links: doctored).warnings
        #expect(messages(fresh, in: other) == [nope])
        #expect(messages(fresh, in: Self.file) == [nope])
    }

    @Test func relativeLinksResolveAgainstTheirPage() throws {
        let base = try #require(BaseURL("https://example.com/status/"))
        func target(_ link: String, from page: String = "incidents/x/") -> String? {
            LinkTarget(link, from: page, baseURL: base).map { $0.path + ($0.fragment.map { "#" + $0 } ?? "") }
        }
        #expect(target("../y/") == "incidents/y/")
        #expect(target("../../blog/p/index.html#q-a") == "blog/p/#q-a")
        #expect(target("#q-a") == "incidents/x/#q-a")
        #expect(target("/status/feed.atom") == "feed.atom")
        #expect(target("/elsewhere/") == nil, "outside the base path")
        #expect(target("https://example.com/status/clusters/a/?x=1") == "clusters/a/")
        #expect(target("HTTPS://EXAMPLE.COM/status/") == "")
        #expect(target("../../../../etc/") == nil)
        #expect(target("https://other.example.com/status/") == nil)
        #expect(target("mailto:x@example.com") == nil)
        // Percent escapes are decoded in the path and the fragment; ones that do not decode are kept.
        #expect(target("../caf%C3%A9/#%C3%A9t%C3%A9") == "incidents/café/#été")
        #expect(target("../100%/#50%") == "incidents/100%/#50%")
    }
}
