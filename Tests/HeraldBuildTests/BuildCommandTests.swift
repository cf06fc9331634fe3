import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct BuildCommandTests {
    static let now = "2025-10-06T19:00:00Z"

    @Test func brokenContentExitsOneReportsEveryFileAndLeavesTheOutputAlone() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let first = try HeraldProcess.run(["build", "--now", Self.now], in: site)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("Built "))
        let before = HeraldProcess.snapshot(of: "\(site)/Output")
        #expect(before["index.html"] != nil)

        let incident = "\(site)/Content/incidents/2025-10-06-cluster-a-email.md"
        var text = try String(contentsOfFile: incident, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nresolved:", with: "\nresovled:")
        try text.write(toFile: incident, atomically: true, encoding: .utf8)
        let post = "\(site)/Content/blog/2025-09-03-keep-your-contacts-current.md"
        try "---\ntitle: Broken\ndate: yesterday\n---\nBody\n".write(
            toFile: post, atomically: true, encoding: .utf8)

        let second = try HeraldProcess.run(["build", "--now", Self.now], in: site)
        #expect(second.status == 1)
        let errors = second.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(
            errors.contains {
                $0.hasPrefix("Content/incidents/2025-10-06-cluster-a-email.md:") && $0.contains("resolved")
            })
        #expect(errors.contains { $0.hasPrefix("Content/blog/2025-09-03-keep-your-contacts-current.md:3:") })
        for line in errors {
            #expect(line.wholeMatch(of: /[^:]+:\d+:\d+: error: .+/) != nil, "\(line)")
        }
        #expect(HeraldProcess.snapshot(of: "\(site)/Output") == before)
    }

    @Test func missingContentFolderIsBadUsage() throws {
        let site = try RepositoryPaths.temporaryDirectory()
        let result = try HeraldProcess.run(["build", "--now", Self.now], in: site)
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: "\(site)/Output"))
    }

    @Test func badNowIsBadUsage() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let result = try HeraldProcess.run(["build", "--now", "yesterday"], in: site)
        #expect(result.status == 2)
        #expect(result.standardError.contains("--now"))
    }

    @Test func checkWritesNothingAndSucceedsOnTheExample() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let result = try HeraldProcess.run(["check", "--now", Self.now], in: site)
        #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: "\(site)/Output"))
    }
}
