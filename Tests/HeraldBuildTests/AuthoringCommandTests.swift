import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

/// `new`, `update`, `init` and `build`'s output options, through the built binary.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct AuthoringCommandTests {
    @Test func aWholeIncidentFromTheCommandLine() throws {
        let site = try RepositoryPaths.temporaryDirectory() + "/site"
        let initialised = try HeraldProcess.run(["init", site, "--now", "2025-10-06T12:00:00Z"], in: "/")
        #expect(initialised.status == 0, "\(initialised.standardError)")

        let created = try HeraldProcess.run(
            [
                "new", "incident", "Webmail is slow", "--cluster", "a", "--service", "webmail", "--status",
                "degraded-performance", "--now", "2025-10-06T18:00:00Z",
            ], in: site)
        #expect(created.status == 0, "\(created.standardError)")
        #expect(created.standardOutput == "Content/incidents/2025-10-06-webmail-is-slow.md\n")
        #expect(created.standardError == "  Cluster A / Webmail: operational → degraded performance\n")

        let identified = try HeraldProcess.run(
            [
                "update", "webmail-is-slow", "--status", "identified", "--message", "-", "--now",
                "2025-10-06T18:20:00Z",
            ],
            in: site, input: "A disk is **full**.\n\n- we are clearing it\n")
        #expect(identified.status == 0, "\(identified.standardError)")
        let resolved = try HeraldProcess.run(
            [
                "update", "webmail-is-slow", "--resolve", "--message", "Fixed.", "--now",
                "2025-10-06T18:50:00Z",
            ], in: site)
        #expect(resolved.status == 0, "\(resolved.standardError)")
        #expect(resolved.standardOutput.contains("added an update (resolved) and closed it"))

        let check = try HeraldProcess.run(["check", "--strict", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(check.status == 0, "\(check.standardOutput)")
        let text = try String(
            contentsOfFile: "\(site)/Content/incidents/2025-10-06-webmail-is-slow.md", encoding: .utf8)
        #expect(text.contains("      A disk is **full**.\n\n      - we are clearing it\n"))
        #expect(text.contains("resolved: 2025-10-06T18:50:00Z\n"))

        let refused = try HeraldProcess.run(
            [
                "update", "webmail-is-slow", "--resolve", "--message", "Again.", "--now",
                "2025-10-06T19:00:00Z",
            ], in: site)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("already resolved"))
        #expect(try HeraldProcess.run(["init", site], in: "/").status == 1)
    }

    @Test func newRejectsOptionsForAnotherKind() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let result = try HeraldProcess.run(["new", "post", "Hello", "--status", "major-outage"], in: site)
        #expect(result.status == 2)
        #expect(result.standardError.contains("--status and --impact are for incidents"))
    }

    /// `--edit` opens the new file through the shell with `$VISUAL`, else `$EDITOR` (so an
    /// editor with arguments works), and says what to set when neither is.
    @Test func newEditOpensTheFileInTheUsersEditor() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let appendMarker = { (marker: String) in "printf '%s\\n' '<!-- \(marker) -->' >>" }
        let edited = try HeraldProcess.run(
            ["new", "post", "Edited post", "--edit"], in: site,
            environment: ["VISUAL": nil, "EDITOR": appendMarker("by editor")])
        #expect(edited.status == 0, "\(edited.standardError)")
        let posts = try FileManager.default.contentsOfDirectory(atPath: "\(site)/Content/blog")
        let post = try #require(posts.first { $0.hasSuffix("-edited-post.md") })
        let text = try String(contentsOfFile: "\(site)/Content/blog/\(post)", encoding: .utf8)
        #expect(text.hasSuffix("<!-- by editor -->\n"))

        let visual = try HeraldProcess.run(
            ["new", "post", "Visual post", "--edit"], in: site,
            environment: ["VISUAL": appendMarker("by visual"), "EDITOR": appendMarker("by editor")])
        #expect(visual.status == 0)
        let visualPost = try #require(
            try FileManager.default.contentsOfDirectory(atPath: "\(site)/Content/blog").first {
                $0.hasSuffix("-visual-post.md")
            })
        let visualText = try String(contentsOfFile: "\(site)/Content/blog/\(visualPost)", encoding: .utf8)
        #expect(visualText.contains("by visual") && !visualText.contains("by editor"))

        let noEditor = try HeraldProcess.run(
            ["new", "post", "Unedited post", "--edit"], in: site, environment: ["VISUAL": nil, "EDITOR": nil])
        #expect(noEditor.status == 2)
        #expect(noEditor.standardError.contains("set $EDITOR"))
    }

    @Test func buildQuietAndVerbose() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let quiet = try HeraldProcess.run(["build", "--quiet", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(quiet.status == 0)
        #expect(quiet.standardOutput.isEmpty && quiet.standardError.isEmpty)
        let verbose = try HeraldProcess.run(
            ["build", "--verbose", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(verbose.standardOutput.contains("Built "))
        // Every stage, in order, with its time.
        let stages = verbose.standardOutput.split(separator: "\n").filter {
            $0.hasPrefix("  ") && $0.hasSuffix(" ms")
        }.map {
            String($0.dropFirst(2).prefix { $0 != ":" })
        }
        #expect(
            stages == [
                "claim the output folder", "fingerprint the inputs", "check the previous build",
                "read the cache and the output",
                "load and validate", "read templates", "derive status, state and changes",
                "render Markdown",
                "render pages, feeds, API and calendar", "publish", "save the cache",
            ])
        // Not a terminal: no colours and no progress line.
        #expect(!(verbose.standardOutput + verbose.standardError).contains("\u{1B}["))
        #expect(try HeraldProcess.run(["build", "--quiet", "--verbose"], in: site).status == 2)
    }
}
