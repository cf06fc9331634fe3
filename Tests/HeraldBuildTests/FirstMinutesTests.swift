import Foundation
import Testing

@testable import HeraldTestSupport

/// Stumbles of a new user's first minutes, through the real binary (issue 13's list).
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct FirstMinutesTests {
    /// A bug report or a CI log can say which Herald ran, and on which cmark-gfm.
    @Test(arguments: [["--version"], ["-V"], ["version"]])
    func theVersionIsPrinted(_ arguments: [String]) throws {
        let run = try HeraldProcess.run(arguments, in: try RepositoryPaths.temporaryDirectory())
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("herald 0."), "\(run.standardOutput)")
        #expect(run.standardOutput.contains(" (cmark-gfm 0.29.0.gfm"))
        #expect(run.standardOutput.hasSuffix(")\n"))
    }

    /// `timezone: UTC` said "Times are shown in GMT" while every time read UTC.
    @Test func aUTCSiteSaysUTC() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let config = "\(site)/Content/site.yml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        let utc = text.replacingOccurrences(
            of: #"(?m)^timezone: .*$"#, with: "timezone: UTC", options: .regularExpression)
        #expect(utc != text)
        try utc.write(toFile: config, atomically: false, encoding: .utf8)
        let run = try HeraldProcess.run(["build", "--quiet", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(run.status == 0, "\(run.standardError)")
        let index = try String(contentsOfFile: "\(site)/Output/index.html", encoding: .utf8)
        #expect(index.contains("Times are shown in UTC."))
        #expect(!index.contains("GMT"))
    }

    /// "Blog posts about this Incident" had a capital I.
    @Test func theLinkedPostsHeadingIsASentence() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        #expect(
            try HeraldProcess.run(["build", "--quiet", "--now", "2025-10-08T12:00:00Z"], in: site).status == 0
        )
        let page = try String(
            contentsOfFile: "\(site)/Output/incidents/2025-10-06-cluster-a-email/index.html", encoding: .utf8)
        #expect(page.contains(">Blog posts about this incident</h2>"))
        #expect(!page.contains("about this Incident"))
    }

    /// "`fixed` is not a incident status".
    @Test func anUnknownStatusTakesTheRightArticle() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let run = try HeraldProcess.run(
            [
                "update", "cluster-a-email", "--status", "fixed", "--message", "Done.", "--now",
                "2025-10-06T19:10:00Z",
            ],
            in: site)
        #expect(run.status == 1)
        #expect(run.standardError.hasPrefix("herald: `fixed` is not an incident status; use one of "))
    }

    /// `herald build --now yesterday` showed the top-level usage instead of `build`'s.
    @Test func aBadNowShowsTheCommandsUsage() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let run = try HeraldProcess.run(["build", "--now", "yesterday"], in: site)
        #expect(run.status == 2)
        #expect(
            run.standardError.hasPrefix(
                "Error: --now must be RFC 3339 with an offset (2025-10-06T19:00:00Z) or @SECONDS\nUsage: herald build"
            ))
    }

    /// `new` and `update` described `--now` as "build as of this instant".
    @Test(arguments: ["new", "update", "build"])
    func nowIsDescribedForWhatItDoes(_ command: String) throws {
        let run = try HeraldProcess.run([command, "--help"], in: try RepositoryPaths.temporaryDirectory())
        let help = run.standardOutput.replacingOccurrences(
            of: #"\s+"#, with: " ", options: .regularExpression)
        #expect(help.contains("new and update write it into the file"))
        #expect(!help.contains("Build as of this instant"))
    }

    /// `serve` said "Built 34 files" where `build` says what they are.
    @Test func serveCountsWhatItBuiltAsBuildDoes() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let server = try ServeProcess(site: site, arguments: ["--now", "2025-10-06T19:00:00Z"])
        #expect(
            server.startupOutput.contains(
                "Built 20 pages, 16 feeds, 13 API files (88 files) as of 2025-10-06T19:00:00Z in "),
            "\(server.startupOutput)")
        #expect(server.interrupt() == 0)
    }

    /// A busy port hung 5 s, then printed a raw timeout, after rebuilding `Output/`.
    @Test func aBusyPortIsSaidAtOnceAndNothingIsBuilt() throws {
        let first = try ServeProcess(site: try HeraldProcess.copyOfExampleSite())
        defer { _ = first.interrupt() }
        let site = try HeraldProcess.copyOfExampleSite()
        let started = Date()
        let run = try HeraldProcess.run(["serve", "--port", "\(first.port)"], in: site)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(run.status == 2)
        #expect(
            run.standardError
                == "herald: cannot serve on 127.0.0.1:\(first.port): the port is in use by another program; "
                + "stop it, or choose another with --port (--port 0 picks a free one)\n")
        #expect(!FileManager.default.fileExists(atPath: "\(site)/Output"))
    }

    /// With `--site DIR`, errors named `Content/incidents/x.md` relative to the site, so the
    /// terminal's or editor's jump-to-file missed; now they are relative to the working folder.
    @Test func errorsNameFilesFromTheWorkingFolder() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let file = "\(site)/Content/incidents/2025-10-06-cluster-a-email.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "title:", with: "titel:").write(
            toFile: file, atomically: false, encoding: .utf8)
        let parent = (site as NSString).deletingLastPathComponent
        for command in ["check", "build"] {
            let run = try HeraldProcess.run([command, "--site", "site"], in: parent)
            #expect(run.status == 1)
            let output = run.standardOutput + run.standardError
            #expect(
                output.contains("site/Content/incidents/2025-10-06-cluster-a-email.md:2:1: error: "),
                "\(output)")
        }
    }

    /// The YAML mistakes people make most got libyaml's words alone; an hour 25 was blamed on
    /// the offset. Each now says what to do, at its line.
    @Test(arguments: [
        (
            "  - q: Which resellers are affected?\n    a: |",
            "  - q: Which resellers are affected?\n    a: No: only inbound mail.\n    b: |",
            "101:10: error: invalid YAML: mapping values are not allowed in this context; a value holding `: ` must "
                + "be in quotes (\"…\"), or written as a block: `|` and the text on the lines below, indented"
        ),
        (
            "started:", "\tstarted:",
            "3:1: error: invalid YAML: found a tab character that violates indentation; indent with spaces: YAML "
                + "does not allow tabs there"
        ),
        (
            "  - at: 2025-10-06T13:40:00-04:00", "  - at: 2025-10-06T25:40:00-04:00",
            "17:9: error: `at` is `2025-10-06T25:40:00-04:00`, which is no time: there is no hour 25 (hours go "
                + "from 00 to 23)"
        ),
    ])
    func commonYAMLMistakesSayWhatToDo(_ original: String, _ mistake: String, _ expected: String) throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let relative = "Content/incidents/2025-10-06-cluster-a-email.md"
        let text = try String(contentsOfFile: "\(site)/\(relative)", encoding: .utf8)
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: mistake).write(
            toFile: "\(site)/\(relative)", atomically: false, encoding: .utf8)
        let run = try HeraldProcess.run(["check", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("\(relative):\(expected)\n"), "\(run.standardOutput)")
    }

    /// `serve` built into `Output/`, so the next real build said "No changes" after a preview had
    /// taken the state that CI diffs against. It builds into a hidden folder of its own now.
    @Test func aPreviewLeavesOutputAndItsStateAlone() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        #expect(
            try HeraldProcess.run(["build", "--quiet", "--now", "2025-10-06T17:00:00Z"], in: site).status == 0
        )
        let published = HeraldProcess.snapshot(of: "\(site)/Output")
        let server = try ServeProcess(site: site, arguments: ["--now", "2025-10-06T19:00:00Z"])
        #expect(server.outputDirectory == "\(site)/.herald/serve/site")
        #expect(FileManager.default.fileExists(atPath: "\(server.outputDirectory)/index.html"))
        #expect(server.interrupt() == 0)
        #expect(HeraldProcess.snapshot(of: "\(site)/Output") == published)
        let build = try HeraldProcess.run(["build", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(build.status == 0)
        #expect(!build.standardOutput.contains("No changes since the previous build"))
        #expect(
            build.standardOutput.contains("incident opened: Cluster A email service issues"),
            "\(build.standardOutput)")
    }

    /// `herald new` reported errors at the path of a file it did not write, without saying so.
    @Test func newSaysTheFileItRefusesWasNotWritten() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let run = try HeraldProcess.run(
            ["new", "incident", "Webmail is slow", "--cluster", "zz", "--now", "2025-10-06T19:00:00Z"],
            in: site)
        #expect(run.status == 1)
        #expect(
            run.standardError.hasPrefix("herald: the new file would not validate, so it was not written:\n"))
        #expect(
            !FileManager.default.fileExists(atPath: "\(site)/Content/incidents/2025-10-06-webmail-is-slow.md")
        )
    }
}
