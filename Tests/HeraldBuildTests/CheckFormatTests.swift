import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

/// `herald check` on a small broken site, in each output format, compared with golden text.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct CheckFormatTests {
    static let files = [
        "Content/site.yml": """
        title: Broken
        base_url: https://status.example.com/
        clusters:
          - id: a
            name: Cluster A
          - id: b
            name: Cluster B
        services:
          - id: web
            name: Website
        """,
        "Content/incidents/2025-10-06-stale.md": """
        ---
        title: Stale
        started: 2025-10-06T09:00:00Z
        affected:
          - cluster: a
            status: partial-outage
        updates:
          - at: 2025-10-06T10:00:00Z
            status: investigating
            message: Looking.
        ---
        """,
        "Content/incidents/2025-10-07-future.md": """
        ---
        title: Future
        started: 2025-10-07T09:00:00Z
        affected:
          - cluster: a
            status: degraded-performance
        ---
        """,
        "Content/incidents/2025-10-05-typo.md": """
        ---
        title: "Typo, with: punctuation"
        started: 2025-10-05T09:00:00Z
        resovled: 2025-10-05T10:00:00Z
        affected:
          - cluster: a
            status: partial-outage
        ---
        """,
        "Content/blog/2025-10-06-bare.md": """
        ---
        title: Bare
        date: 2025-10-06
        questions:
          - q: Anything?
            a: ""
        ---
        ## Only a heading
        """,
    ]

    static let goldenText = """
        Content/blog/2025-10-06-bare.md:6:8: warning: the answer to this question is empty
        Content/blog/2025-10-06-bare.md:8:1: warning: this post has no `summary` and no first paragraph to take one from; lists and feeds will show no summary: add `summary:` or a paragraph
        Content/incidents/2025-10-05-typo.md:4:1: error: unknown key `resovled` in the incident's front matter; did you mean `resolved`?
        Content/incidents/2025-10-06-stale.md:8:9: warning: the incident is ongoing and has had no update for 9 h (since 2025-10-06T10:00:00Z); post one with `herald update 2025-10-06-stale --status … --message …`, or resolve it
        Content/incidents/2025-10-07-future.md:3:10: warning: the incident starts in the future (2025-10-07T09:00:00Z, as of 2025-10-06T19:00:00Z); it stays off the site until then: check the date and offset
        Content/site.yml:6:9: warning: cluster `b` is not named by any incident, maintenance or post

        """
    static let goldenJSON = """
        [
          {
            "column" : 8,
            "file" : "Content/blog/2025-10-06-bare.md",
            "line" : 6,
            "message" : "the answer to this question is empty",
            "severity" : "warning"
          },
          {
            "column" : 1,
            "file" : "Content/blog/2025-10-06-bare.md",
            "line" : 8,
            "message" : "this post has no `summary` and no first paragraph to take one from; lists and feeds will show no summary: add `summary:` or a paragraph",
            "severity" : "warning"
          },
          {
            "column" : 1,
            "file" : "Content/incidents/2025-10-05-typo.md",
            "line" : 4,
            "message" : "unknown key `resovled` in the incident's front matter; did you mean `resolved`?",
            "severity" : "error"
          },
          {
            "column" : 9,
            "file" : "Content/incidents/2025-10-06-stale.md",
            "line" : 8,
            "message" : "the incident is ongoing and has had no update for 9 h (since 2025-10-06T10:00:00Z); post one with `herald update 2025-10-06-stale --status … --message …`, or resolve it",
            "severity" : "warning"
          },
          {
            "column" : 10,
            "file" : "Content/incidents/2025-10-07-future.md",
            "line" : 3,
            "message" : "the incident starts in the future (2025-10-07T09:00:00Z, as of 2025-10-06T19:00:00Z); it stays off the site until then: check the date and offset",
            "severity" : "warning"
          },
          {
            "column" : 9,
            "file" : "Content/site.yml",
            "line" : 6,
            "message" : "cluster `b` is not named by any incident, maintenance or post",
            "severity" : "warning"
          }
        ]

        """
    static let goldenGitHub = """
        ::warning file=Content/blog/2025-10-06-bare.md,line=6,col=8::the answer to this question is empty
        ::warning file=Content/blog/2025-10-06-bare.md,line=8,col=1::this post has no `summary` and no first paragraph to take one from; lists and feeds will show no summary: add `summary:` or a paragraph
        ::error file=Content/incidents/2025-10-05-typo.md,line=4,col=1::unknown key `resovled` in the incident's front matter; did you mean `resolved`?
        ::warning file=Content/incidents/2025-10-06-stale.md,line=8,col=9::the incident is ongoing and has had no update for 9 h (since 2025-10-06T10:00:00Z); post one with `herald update 2025-10-06-stale --status … --message …`, or resolve it
        ::warning file=Content/incidents/2025-10-07-future.md,line=3,col=10::the incident starts in the future (2025-10-07T09:00:00Z, as of 2025-10-06T19:00:00Z); it stays off the site until then: check the date and offset
        ::warning file=Content/site.yml,line=6,col=9::cluster `b` is not named by any incident, maintenance or post

        """

    private func check(_ format: String, _ extra: [String] = [], files: [String: String] = files) throws
        -> HeraldProcess.Result
    {
        let site = try RepositoryPaths.temporaryDirectory()
        for (path, text) in files {
            let url = URL(fileURLWithPath: "\(site)/\(path)")
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((text + "\n").utf8).write(to: url)
        }
        return try HeraldProcess.run(
            ["check", "--now", "2025-10-06T19:00:00Z", "--format", format] + extra, in: site)
    }

    @Test func text() throws {
        let result = try check("text")
        #expect(result.status == 1)
        #expect(result.standardOutput == Self.goldenText)
    }

    @Test func json() throws {
        let result = try check("json")
        #expect(result.status == 1)
        #expect(result.standardOutput == Self.goldenJSON)
    }

    @Test func github() throws {
        let result = try check("github")
        #expect(result.status == 1)
        #expect(result.standardOutput == Self.goldenGitHub)
    }

    @Test func warningsAloneExitZeroUnlessStrict() throws {
        let files = Self.files.filter { !$0.key.contains("typo") }
        let relaxed = try check("text", files: files)
        #expect(relaxed.status == 0)
        #expect(relaxed.standardOutput.contains(": warning: "))
        let strict = try check("text", ["--strict"], files: files)
        #expect(strict.status == 1)
        #expect(!strict.standardOutput.contains(": warning: "))
        let lenient = try check("text", ["--stale-after", "10h"], files: files)
        #expect(lenient.status == 0)
        #expect(!lenient.standardOutput.contains("no update for"))
    }
}
