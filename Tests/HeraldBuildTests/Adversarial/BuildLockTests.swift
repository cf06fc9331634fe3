import Foundation
import Synchronization
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport
@testable import HeraldValidate
@testable import HeraldWrite

/// One process writes an output at a time. Before the lock, two builds at once into one output
/// could both exit 0 and leave a mix of old and new pages.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct BuildLockTests {
    /// The example site with `count` more incidents, so a build takes a while.
    static func largerSite(incidents count: Int) throws -> String {
        let site = try HeraldProcess.copyOfExampleSite()
        let source = "\(site)/Content/incidents/2025-08-14-cluster-a-interruption.md"
        let text = try String(contentsOfFile: source, encoding: .utf8)
        for number in 0..<count {
            try text.replacingOccurrences(of: "title: ", with: "title: Copy \(number) of ")
                .write(
                    toFile: "\(site)/Content/incidents/2025-08-14-copy-\(number).md", atomically: false,
                    encoding: .utf8)
        }
        return site
    }

    @Test func aSecondBuildFailsAtOnceNamingTheHolder() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        var lock: OutputLock? = try OutputLock.acquire(
            OutputLocation("\(site)/Output"), command: "herald build")
        let started = Date()
        let run = try HeraldProcess.run(["build", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(run.status == 2)
        #expect(
            run.standardError
                == "herald: another herald process (pid \(getpid()), `herald build`) is writing Output; wait for it to finish or stop it, then build again\n"
        )
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(!FileManager.default.fileExists(atPath: "\(site)/Output/index.html"))
        #expect(lock != nil)
        lock = nil
        #expect(try HeraldProcess.run(["build", "--now", "2025-10-06T19:00:00Z"], in: site).status == 0)
    }

    /// Two real builds started together: whichever runs second either waits for nothing (the
    /// first is done) or is refused; the output is a whole build either way.
    @Test func twoBuildsAtOnceNeverMix() throws {
        let site = try Self.largerSite(incidents: 400)
        let arguments = ["build", "--quiet", "--now", "2025-10-06T19:00:00Z"]
        #expect(try HeraldProcess.run(arguments, in: site).status == 0)
        let results = Mutex<[HeraldProcess.Result]>([])
        for round in 0..<3 {
            let edited = "\(site)/Content/incidents/2025-08-14-copy-1.md"
            try (String(contentsOfFile: edited, encoding: .utf8) + "\nRound \(round).\n").write(
                toFile: edited, atomically: false, encoding: .utf8)
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                if let result = try? HeraldProcess.run(arguments, in: site) {
                    results.withLock { $0.append(result) }
                }
            }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 6)
        for result in all where result.status != 0 {
            #expect(result.status == 2)
            #expect(result.standardError.contains("is writing Output; wait for it to finish"))
        }
        // The output is exactly a clean build of the final content.
        let reference = "\(site)/Reference"
        #expect(
            try HeraldProcess.run(arguments + ["--no-cache", "--output", "Reference"], in: site).status == 0)
        let published = HeraldProcess.snapshot(of: "\(site)/Output")
        let clean = HeraldProcess.snapshot(of: reference)
        #expect(published.keys.sorted() == clean.keys.sorted())
        let differing = clean.keys.filter {
            $0 != SitePaths.changes && $0 != SitePaths.state && published[$0] != clean[$0]
        }
        #expect(differing.isEmpty, "\(differing.sorted().prefix(5))")
    }

    /// `kill -9` leaves the lock file behind; the kernel has released the lock, so the next
    /// build goes ahead.
    @Test func aLockLeftByAKilledProcessIsTakenOver() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let server = try ServeProcess(site: site, arguments: ["--output", "Output"])
        let busy = try HeraldProcess.run(["build", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(busy.status == 2)
        #expect(busy.standardError.contains("`herald serve`) is writing Output"))
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: "\(site)/.Output.herald-lock"))
        #expect(try HeraldProcess.run(["build", "--now", "2025-10-06T19:00:00Z"], in: site).status == 0)
    }
}
