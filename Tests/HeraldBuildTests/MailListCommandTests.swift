import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

/// `herald diff --format email` reads the lists' unsubscribe addresses from the site's `site.yml`.
@Suite struct MailListCommandTests {
    /// A site with a previous state (1 October) and the current output (6 October, 19:00).
    static func site() throws -> String {
        let site = try HeraldProcess.copyOfExampleSite()
        for (now, output) in [("2025-10-01T00:00:00Z", "Before"), ("2025-10-06T19:00:00Z", "Output")] {
            let build = try HeraldProcess.run(
                ["build", "--quiet", "--now", now, "--output", output], in: site)
            #expect(build.status == 0, "\(build.standardError)")
        }
        return site
    }

    static func diff(_ site: String, _ extra: [String] = []) throws -> (HeraldProcess.Result, String) {
        let mail = try RepositoryPaths.temporaryDirectory()
        let run = try HeraldProcess.run(
            ["diff", "Before/api/state.json", "Output/api/state.json", "--format", "email", "--output", mail]
                + extra, in: site)
        return (run, mail)
    }

    @Test func unsubscribeComesFromTheSiteYAMLOfTheFolderItRunsIn() throws {
        let site = try Self.site()
        let (run, mail) = try Self.diff(site)
        #expect(run.status == 0, "\(run.standardError)")
        let message = try String(contentsOfFile: "\(mail)/a-emergency.eml", encoding: .utf8)
        #expect(
            message.contains(
                "\r\nList-Unsubscribe: <https://admin.example.com/contacts/unsubscribe?cluster=a&list=emergency>\r\n"
            ))
        #expect(message.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        #expect(
            message.contains(
                "\r\nList-Id: \"Cluster A emergency contacts\" <a-emergency.status.example.com>\r\n"))
    }

    @Test func aNamedSiteMustHaveASiteYAMLAndItMustBeValid() throws {
        let site = try Self.site()
        let (missing, _) = try Self.diff(site, ["--site", "Nowhere"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("cannot read Nowhere/Content/site.yml"))

        let yaml = try String(contentsOfFile: "\(site)/Content/site.yml", encoding: .utf8)
        try yaml.replacingOccurrences(of: "maintenance: mailto:", with: "maintenance: ftp:")
            .write(toFile: "\(site)/Content/site.yml", atomically: true, encoding: .utf8)
        let (invalid, _) = try Self.diff(site)
        #expect(invalid.status == 1)
        #expect(invalid.standardError.contains("error: `mail.unsubscribe.maintenance` expects an https URL"))
    }

    @Test func withoutASiteYAMLThereIsNoUnsubscribeHeader() throws {
        let site = try Self.site()
        try FileManager.default.removeItem(atPath: "\(site)/Content/site.yml")
        let (run, mail) = try Self.diff(site)
        #expect(run.status == 0, "\(run.standardError)")
        let message = try String(contentsOfFile: "\(mail)/a-emergency.eml", encoding: .utf8)
        #expect(!message.contains("List-Unsubscribe"))
        #expect(message.contains("\r\nList-Id: "))
    }
}
