import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport
@testable import HeraldValidate

@Suite struct ValidatorCrossFileTests {
    @Test func errorsFromEveryFileAreReportedTogetherInPathOrder() throws {
        let result = try Fixture.validate(replacing: [
            "Content/site.yml": Fixture.siteYAML + "\nfeed_entries: 5000",
            "Content/incidents/2025-08-14-cluster-a.md":
                "---\ntitle: X\nstarted: yesterday\naffected:\n  - cluster: a\n    status: major-outage\n---\n",
            "Content/maintenance/2025-10-20-cluster-b-storage.md": "no front matter",
            "Content/blog/2025-10-06-cluster-a-qa.md": "---\ntitle: P\ndate: 2025-10-06\nauthr: me\n---\n",
        ])
        #expect(
            Fixture.errors(result) == [
                "Content/blog/2025-10-06-cluster-a-qa.md:4:1: error: unknown key `authr` in the post's front matter; "
                    + "did you mean `author`?",
                "Content/incidents/2025-08-14-cluster-a.md:3:10: error: expected a time with an offset such as "
                    + "2025-10-06T17:30:00Z for `started`, not `yesterday`",
                "Content/maintenance/2025-10-20-cluster-b-storage.md:1:1: error: missing front matter: the file must "
                    + "start with a `---` line, then YAML fields, then `---`",
                "Content/site.yml:22:15: error: `feed_entries` must be between 1 and 1000, not 5000",
            ])
        #expect(result.site == nil)
    }

    @Test func duplicateSlugErrorsAtTheSecondOccurrence() throws {
        let result = try Fixture.validate(replacing: [
            "Content/incidents/zz-later.md":
                "---\ntitle: Dup\nslug: 2025-08-14-cluster-a\nstarted: 2025-08-14T09:00:00Z\naffected:\n  - cluster: a\n    status: major-outage\n---\n"
        ])
        #expect(
            Fixture.errors(result) == [
                "Content/incidents/zz-later.md:3:7: error: duplicate incident slug `2025-08-14-cluster-a`: "
                    + "Content/incidents/2025-08-14-cluster-a.md already uses it; set a different `slug:`"
            ])
    }

    @Test func sameSlugInDifferentKindsIsFine() throws {
        let result = try Fixture.validate(replacing: [
            "Content/blog/2025-08-14-cluster-a.md":
                "---\ntitle: Same slug as an incident\ndate: 2025-08-15\n---\n"
        ])
        #expect(Fixture.errors(result) == [])
    }

    @Test func relatedSlugsMustBeIncidentsAndNotItself() throws {
        let result = try Fixture.validate(replacing: [
            "Content/incidents/2025-08-14-cluster-a.md": """
            ---
            title: August
            started: 2025-08-14T09:00:00Z
            affected:
              - cluster: a
                status: major-outage
            related: [2025-08-14-cluster-a, 2025-10-06-cluster-a-email, 2025-10-06-cluster-a-email, ghost]
            ---
            """
        ])
        #expect(
            Fixture.errors(result) == [
                "Content/incidents/2025-08-14-cluster-a.md:7:11: error: an incident cannot list itself in `related`",
                "Content/incidents/2025-08-14-cluster-a.md:7:89: error: unknown incident `ghost` in `related`",
            ])
    }

    @Test func draftsAreValidatedButLeftOutAndReferencesToThemDropped() throws {
        let draft = """
            ---
            title: Draft
            draft: true
            started: 2025-10-01T00:00:00Z
            affected:
              - cluster: a
                status: major-outage
            ---
            """
        let post = Fixture.post.replacingOccurrences(
            of: "incidents: [2025-10-06-cluster-a-email]",
            with: "incidents: [2025-10-06-cluster-a-email, draft-one]")
        let files: [String: String?] = [
            "Content/incidents/draft-one.md": draft, "Content/blog/2025-10-06-cluster-a-qa.md": post,
        ]

        let published = try Fixture.validate(replacing: files)
        #expect(Fixture.errors(published) == [])
        let site = try #require(published.site)
        #expect(!site.incidents.contains { $0.slug == "draft-one" })
        #expect(site.posts[0].incidents == ["2025-10-06-cluster-a-email"])

        let preview = try Fixture.validate(replacing: files, options: ValidationOptions(includeDrafts: true))
        let previewSite = try #require(preview.site)
        #expect(previewSite.incidents.contains { $0.slug == "draft-one" })
        #expect(previewSite.posts[0].incidents == ["2025-10-06-cluster-a-email", "draft-one"])

        let brokenDraft = try Fixture.validate(replacing: [
            "Content/incidents/draft-one.md": draft.replacingOccurrences(
                of: "status: major-outage", with: "status: bad")
        ])
        #expect(Fixture.errors(brokenDraft).count == 1)
        #expect(brokenDraft.site == nil)
    }

    @Test func siteArraysAreNewestFirstWithSlugTieBreak() throws {
        func incident(_ started: String) -> String {
            "---\ntitle: I\nstarted: \(started)\naffected:\n  - cluster: a\n    status: major-outage\n---\n"
        }
        func maintenance(_ start: String) -> String {
            "---\ntitle: M\nwindow: {start: \(start), end: 2030-01-01T00:00:00Z}\naffected:\n  - cluster: b\n---\n"
        }
        func post(_ date: String) -> String { "---\ntitle: P\ndate: \(date)\nclusters: [a]\n---\n" }
        let result = try Fixture.validate([
            "Content/site.yml": Fixture.siteYAML,
            "Content/incidents/b.md": incident("2025-01-01T00:00:00Z"),
            "Content/incidents/a.md": incident("2025-01-01T00:00:00Z"),
            "Content/incidents/c.md": incident("2025-02-01T00:00:00Z"),
            "Content/incidents/d.md": incident("2024-12-31T23:00:00-02:00"),
            "Content/maintenance/y.md": maintenance("2025-03-01T00:00:00Z"),
            "Content/maintenance/z.md": maintenance("2025-04-01T00:00:00Z"),
            "Content/blog/q.md": post("2025-01-01"),
            "Content/blog/r.md": post("2025-01-02"),
            "Content/blog/p.md": post("2025-01-01"),
        ])
        let site = try #require(result.site)
        #expect(site.incidents.map(\.slug) == ["c", "d", "a", "b"])
        #expect(site.maintenances.map(\.slug) == ["z", "y"])
        #expect(site.posts.map(\.slug) == ["r", "p", "q"])
    }

    @Test func siteIsNilExactlyWhenThereAreErrors() throws {
        let warningsOnly = try Fixture.validate(replacing: [
            "Content/blog/2025-10-06-cluster-a-qa.md":
                "---\ntitle: P\ndate: 2025-10-06\nquestions:\n  - q: Why?\n    a:  \n---\n"
        ])
        #expect(warningsOnly.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(!warningsOnly.diagnostics.isEmpty)
        #expect(warningsOnly.site != nil)
    }

    @Test func aliasBombsAreRefusedBeforeParsing() throws {
        var lines = ["---", "title: T", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append(
                "a\(level): &a\(level) ["
                    + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines += ["? *a9", ": 1", "---", "Some *emphasis* in the body."]
        let result = try Fixture.validate(replacing: [
            "Content/incidents/bomb.md": lines.joined(separator: "\n")
        ])
        #expect(
            Fixture.errors(result) == [
                "Content/incidents/bomb.md:8:25: error: YAML aliases repeat too much: with `*a4` here they would "
                    + "add more than 1048576 nodes and characters (an alias of a list of aliases multiplies); write "
                    + "the values out, or use fewer aliases"
            ])
        #expect(
            AliasGuard.excess(in: "affected: &x [a]\nupdates:\n  - affected: *x\nmessage: *not* an alias")
                == nil)
        #expect(AliasGuard.excess(in: String(repeating: "a: *emphasis* here\n", count: 200)) == nil)
    }

    @Test func hostileInputNeverCrashes() throws {
        let inputs = [
            "---\n- a\n- b\n---\n", "---\n: :\n---\n", "---\ntitle: *x\n---\n", "---\n!!binary x: y\n---\n",
            "---\ntitle: T\nstarted: 9999-12-31T23:59:59-23:59\naffected: [{cluster: [a]}, 1, null, {}]\n---\n",
            "---\nupdates: [{at: {}, status: []}, null]\nquestions: [1, {q: {}, a: []}]\nwindow: 5\n---\n",
            "---\n\ttitle: tab\n---\n", "---\nquestions: {q: a}\nrelated: [[]]\ntags: [{}]\n---\n",
            "---\nanchor: &a [1, 2]\nref: *a\n---\n", "---\n\u{0}\n---\n", "---\n\"unterminated\n---\n",
            "---\n" + String(repeating: "[", count: 5000) + "\n---\n",
        ]
        for (index, input) in inputs.enumerated() {
            for folder in ["incidents", "maintenance", "blog"] {
                let result = try Fixture.validate(replacing: ["Content/\(folder)/h\(index).md": input])
                #expect(result.site == nil, "\(folder) \(index)")
                #expect(!Fixture.errors(result).isEmpty)
            }
        }
    }
}
