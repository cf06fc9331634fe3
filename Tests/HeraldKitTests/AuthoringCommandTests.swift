import Foundation
import Testing

@testable import HeraldKit

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

    @Test func buildQuietAndVerbose() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let quiet = try HeraldProcess.run(["build", "--quiet", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(quiet.status == 0)
        #expect(quiet.standardOutput.isEmpty && quiet.standardError.isEmpty)
        let verbose = try HeraldProcess.run(
            ["build", "--verbose", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(verbose.standardOutput.contains("Built "))
        #expect(verbose.standardOutput.contains("load, validate, derive and render: "))
        #expect(verbose.standardOutput.contains("write and publish: "))
        // Not a terminal: no colours and no progress line.
        #expect(!(verbose.standardOutput + verbose.standardError).contains("\u{1B}["))
        #expect(try HeraldProcess.run(["build", "--quiet", "--verbose"], in: site).status == 2)
    }
}
