import Foundation
import Testing

@testable import HeraldTestSupport

/// `herald new --template` and `--list-templates` (issue 12), through the real binary.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct ItemTemplateTests {
    @Test func aTemplateIsFilledInAndTheResultValidates() throws {
        let site = try LifecycleSite()
        let created = try site.herald([
            "new", "incident", "Cluster A: mail is failing", "--template", "mail-outage", "--cluster", "a",
            "--service", "inbound", "--service", "webmail", "--now", "2025-10-08T17:40:00Z",
        ])
        #expect(created.status == 0, "\(created.standardError)")
        let path = "Content/incidents/2025-10-08-cluster-a-mail-is-failing.md"
        #expect(created.standardOutput == path + "\n")
        let text = try site.text(path)
        for line in [
            #"title: "Cluster A: mail is failing""#, "started: 2025-10-08T17:40:00Z", "  - cluster: a",
            "    services: [inbound, webmail]", "    status: partial-outage",
            "      Some users on Cluster A cannot reach their mail (Inbound mail, Webmail). Our network",
        ] {
            #expect(text.contains(line + "\n"), "missing \(line)")
        }
        #expect(!text.contains("{"), "a placeholder was left")
        #expect(try site.herald(["check", "--now", "2025-10-08T18:00:00Z"]).status == 0)

        let window = try site.herald([
            "new", "maintenance", "Cluster B storage", "--template", "planned-upgrade", "--cluster", "b",
            "--start", "2025-10-20T06:00:00Z", "--end", "2025-10-20T08:00:00Z", "--now",
            "2025-10-08T18:00:00Z",
        ])
        #expect(window.status == 0, "\(window.standardError)")
        #expect(
            try site.text("Content/maintenance/2025-10-20-cluster-b-storage.md").contains(
                "  end: 2025-10-20T08:00:00Z\n"))
    }

    @Test func listTemplatesNamesThemAndAnUnknownPlaceholderIsAnErrorAtItsLine() throws {
        let site = try LifecycleSite()
        let listed = try site.herald(["new", "--list-templates"])
        #expect(listed.status == 0, "\(listed.standardError)")
        #expect(
            listed.standardOutput.hasPrefix(
                "incident/mail-outage  Content/templates/incident/mail-outage.md\n"
                    + "maintenance/planned-upgrade  Content/templates/maintenance/planned-upgrade.md\n"))

        try site.write(
            "---\ntitle: {title}\nstarted: {now}\naffected:\n  - cluster: {clustr}\n---\n",
            to: "Content/templates/incident/bad.md")
        let error = "Content/templates/incident/bad.md:5:14: error: unknown placeholder `{clustr}`"
        let relisted = try site.herald(["new", "--list-templates"])
        #expect(relisted.status == 1)
        #expect(relisted.standardError.contains(error), "\(relisted.standardError)")
        let check = try site.herald(["check"])
        #expect(check.status == 1)
        #expect(check.standardOutput.contains(error), "\(check.standardOutput)")
        let before = HeraldProcess.snapshot(of: "\(site.root)/Content")
        let refused = try site.herald(["new", "incident", "X", "--template", "bad"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains(error))
        let unknown = try site.herald(["new", "incident", "X", "--template", "mail-outgae"])
        #expect(unknown.status == 1)
        #expect(
            unknown.standardError.contains("Did you mean `mail-outage`?")
                || unknown.standardError.contains("did you mean `mail-outage`?"))
        #expect(HeraldProcess.snapshot(of: "\(site.root)/Content") == before)
    }
}
