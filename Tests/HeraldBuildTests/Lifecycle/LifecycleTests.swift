import Foundation
import Testing

@testable import HeraldTestSupport

/// An incident's life from the command line (issue 12), through the real binary.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct LifecycleTests {
    /// `update` without `--status` failed although its usage shows the option as optional; a
    /// plain message now keeps the incident's current status.
    @Test func aMessageAloneKeepsTheCurrentStatus() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        func herald(_ arguments: [String]) throws -> HeraldProcess.Result {
            try HeraldProcess.run(arguments, in: site)
        }
        let created = try herald([
            "new", "incident", "Webmail is slow", "--cluster", "a", "--service", "webmail", "--now",
            "2025-10-07T09:00:00Z",
        ])
        #expect(created.status == 0, "\(created.standardError)")
        let path = "Content/incidents/2025-10-07-webmail-is-slow.md"
        let identified = try herald([
            "update", "webmail-is-slow", "--status", "identified", "--message", "A storage node is slow.",
            "--now", "2025-10-07T09:20:00Z",
        ])
        #expect(identified.standardOutput == "\(path): added an update (identified)\n")
        let plain = try herald([
            "update", "webmail-is-slow", "--message", "Still moving mailboxes.", "--now",
            "2025-10-07T09:40:00Z",
        ])
        #expect(plain.status == 0, "\(plain.standardError)")
        #expect(plain.standardOutput == "\(path): added an update (identified)\n")
        let text = try String(contentsOfFile: "\(site)/\(path)", encoding: .utf8)
        #expect(text.components(separatedBy: "status: identified").count == 3)
        // Once resolved, resolution is final: a plain message is refused, with how to reopen it.
        #expect(
            try herald([
                "update", "webmail-is-slow", "--resolve", "--message", "Fixed.", "--now",
                "2025-10-07T10:00:00Z",
            ])
            .status == 0)
        let late = try herald([
            "update", "webmail-is-slow", "--message", "PS.", "--now", "2025-10-07T10:05:00Z",
        ])
        #expect(late.status == 1)
        #expect(
            late.standardError.hasPrefix(
                "herald: the incident is already resolved (at 2025-10-07T10:00:00Z), and resolution is final; "
                    + "to post news on it again, reopen it: `herald update 2025-10-07-webmail-is-slow --reopen"
            )
        )
    }
}
