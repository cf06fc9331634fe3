import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport
@testable import HeraldWrite

/// Walks the example October incident through six builds of the real pipeline, each diffed
/// against the state the previous build published, as CI would run them.
@Suite(.serialized) struct BuildScenarioTests {
    struct Step {
        var now: String
        /// `kind cluster/service-or-slug`, sorted as the diff sorts them.
        var expected: [String]
    }

    static let maintenanceFile = "Content/maintenance/2025-10-15-cluster-b-storage-upgrade.md"

    static let steps = [
        Step(now: "2025-10-06T17:00:00Z", expected: []),
        Step(
            now: "2025-10-06T17:45:00Z",
            expected: [
                "component-status a/inbound operational→partial-outage",
                "component-status a/webmail operational→partial-outage",
                "component-status a/imap operational→partial-outage",
                "component-status a/pop operational→partial-outage",
                "incident-opened a/2025-10-06-cluster-a-email",
            ]),
        Step(
            now: "2025-10-06T18:40:00Z",
            expected: [
                "component-status a/inbound partial-outage→major-outage",
                "incident-updated a/2025-10-06-cluster-a-email",
            ]),
        // The comms team adds the Cluster B maintenance notice before this build.
        Step(
            now: "2025-10-06T19:00:00Z",
            expected: [
                "incident-updated a/2025-10-06-cluster-a-email",
                "maintenance-scheduled b/2025-10-15-cluster-b-storage-upgrade",
            ]),
        Step(
            now: "2025-10-07T03:10:00Z",
            expected: [
                "component-status a/inbound major-outage→operational",
                "component-status a/webmail partial-outage→operational",
                "component-status a/imap partial-outage→operational",
                "component-status a/pop partial-outage→operational",
                "incident-resolved a/2025-10-06-cluster-a-email",
            ]),
        Step(
            now: "2025-10-15T07:00:00Z",
            expected: [
                "component-status b/inbound operational→under-maintenance",
                "component-status b/webmail operational→under-maintenance",
                "component-status b/imap operational→under-maintenance",
                "component-status b/pop operational→under-maintenance",
                "maintenance-started b/2025-10-15-cluster-b-storage-upgrade",
            ]),
    ]

    static func summary(_ change: Change) -> String {
        let subject = change.service ?? change.incident ?? change.maintenance ?? "?"
        let transition =
            change.kind == .componentStatus ? " \(change.from?.slug ?? "?")→\(change.to?.slug ?? "?")" : ""
        return "\(change.kind.rawValue) \(change.cluster)/\(subject)\(transition)"
    }

    @Test func octoberIncidentThroughSixBuilds() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let maintenance = try Data(contentsOf: URL(fileURLWithPath: "\(site)/\(Self.maintenanceFile)"))
        try FileManager.default.removeItem(atPath: "\(site)/\(Self.maintenanceFile)")
        var states: [Data] = []

        for (index, step) in Self.steps.enumerated() {
            if index == 3 {
                try maintenance.write(to: URL(fileURLWithPath: "\(site)/\(Self.maintenanceFile)"))
            }
            let options = BuildOptions(siteRoot: site, now: try #require(Timestamp.parse(step.now)))
            let rendered = try SiteBuilder.render(options, fileSystem: LocalFileSystem())
            #expect(rendered.previousStateProblem == nil)
            try OutputPublisher(outputDirectory: options.outputDirectory).publish(rendered.files)

            let published = try Data(
                contentsOf: URL(fileURLWithPath: "\(options.outputDirectory)/api/changes.json"))
            let changes = try StateChanges.decode(published)
            #expect(changes == rendered.changes)
            #expect((changes.previous == nil) == (index == 0), "step \(index)")
            #expect(changes.changes.map(Self.summary) == step.expected, "step \(index) at \(step.now)")
            for change in changes.changes {
                let isMaintenance =
                    change.maintenance != nil
                    || (change.kind == .componentStatus && change.to == .underMaintenance)
                #expect(
                    change.audience == (isMaintenance ? .maintenance : .emergency), "\(Self.summary(change))")
            }
            states.append(
                try Data(contentsOf: URL(fileURLWithPath: "\(options.outputDirectory)/api/state.json")))
        }

        // `herald diff` on two published states says the same as the build did.
        guard HeraldProcess.executable != nil else { return }
        let folder = try RepositoryPaths.temporaryDirectory()
        try states[1].write(to: URL(fileURLWithPath: "\(folder)/old.json"))
        try states[2].write(to: URL(fileURLWithPath: "\(folder)/new.json"))
        let diff = try HeraldProcess.run(["diff", "old.json", "new.json", "--exit-code"], in: folder)
        #expect(diff.status == 1)
        #expect(
            diff.standardOutput
                == """
                Cluster A / Inbound mail: partial outage → major outage (Cluster A email service issues)
                Cluster A: incident updated: Cluster A email service issues (identified)

                """)
        let same = try HeraldProcess.run(["diff", "new.json", "new.json", "--exit-code"], in: folder)
        #expect(same.status == 0)
        #expect(same.standardOutput.isEmpty)
    }
}
