import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport
@testable import HeraldWrite

/// A build never touches a file it did not write unless told to: outputs that are or hold the
/// user's own folders are refused before anything is touched, and files found in an output that
/// Herald did not write stop the build (`--force` keeps them, `--clean` removes them).
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct OutputFolderSafetyTests {
    static let now = ["--now", "2025-10-06T19:00:00Z"]

    static func build(_ arguments: [String], in site: String) throws -> HeraldProcess.Result {
        try HeraldProcess.run(["build", "--quiet"] + now + arguments, in: site)
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// A copy of the example whose `pub/` holds a `CNAME`, `notes.txt` and `sub/keep.txt`.
    static func siteWithForeignOutput() throws -> (site: String, output: String) {
        let site = try HeraldProcess.copyOfExampleSite()
        let output = "\(site)/pub"
        try write("status.example.com\n", to: "\(output)/CNAME")
        try write("my notes\n", to: "\(output)/notes.txt")
        try write("keep me\n", to: "\(output)/sub/keep.txt")
        return (site, output)
    }

    /// `pub/` holding a GitHub Pages `CNAME`, notes and `sub/keep.txt`: before, the first cached
    /// build moved them into the cache and the second deleted them (`--no-cache`: at once).
    @Test(arguments: [[], ["--no-cache"]])
    func foreignFilesStopTheBuildAndStayAsTheyWere(_ extra: [String]) throws {
        let (site, output) = try Self.siteWithForeignOutput()
        let before = HeraldProcess.snapshot(of: output)
        for _ in 0..<2 {
            let run = try Self.build(["--output", "pub"] + extra, in: site)
            #expect(run.status == 2)
            #expect(
                run.standardError.contains(
                    "herald: the output folder pub holds files Herald did not write (pub/notes.txt and 1 more)"
                ))
            #expect(run.standardError.contains("--force (keeps them) or --clean (removes them)"))
            #expect(HeraldProcess.snapshot(of: output) == before)
        }
        #expect(!FileManager.default.fileExists(atPath: "\(site)/.pub.herald-cache/site"))
    }

    @Test func forceKeepsForeignFilesInEveryLaterBuildAndCleanRemovesThem() throws {
        let (site, output) = try Self.siteWithForeignOutput()
        #expect(try Self.build(["--output", "pub", "--force"], in: site).status == 0)
        for extra in [[], [], ["--no-cache"], []] {
            let run = try Self.build(["--output", "pub"] + extra, in: site)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(try String(contentsOfFile: "\(output)/notes.txt", encoding: .utf8) == "my notes\n")
            #expect(try String(contentsOfFile: "\(output)/sub/keep.txt", encoding: .utf8) == "keep me\n")
            #expect(FileManager.default.fileExists(atPath: "\(output)/index.html"))
        }
        // A file added by hand later is foreign again.
        try Self.write("later\n", to: "\(output)/sub/later.txt")
        #expect(try Self.build(["--output", "pub"], in: site).status == 2)
        #expect(FileManager.default.fileExists(atPath: "\(output)/sub/later.txt"))
        #expect(try Self.build(["--output", "pub", "--clean"], in: site).status == 0)
        for removed in ["notes.txt", "sub/keep.txt", "sub/later.txt"] {
            #expect(!FileManager.default.fileExists(atPath: "\(output)/\(removed)"), "\(removed)")
        }
        #expect(try String(contentsOfFile: "\(output)/CNAME", encoding: .utf8) == "status.example.com\n")
        #expect(try Self.build(["--output", "pub"], in: site).status == 0)
    }

    /// A fresh checkout of a publishing branch holds only hidden entries and `CNAME`: empty.
    @Test func aPublishingCheckoutCountsAsEmpty() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let output = "\(site)/Output"
        try Self.write("ref: refs/heads/gh-pages\n", to: "\(output)/.git/HEAD")
        try Self.write("", to: "\(output)/.nojekyll")
        try Self.write("status.example.com\n", to: "\(output)/CNAME")
        for _ in 0..<2 {
            #expect(try Self.build([], in: site).status == 0)
            #expect(
                try String(contentsOfFile: "\(output)/.git/HEAD", encoding: .utf8)
                    == "ref: refs/heads/gh-pages\n")
            #expect(FileManager.default.fileExists(atPath: "\(output)/.nojekyll"))
            #expect(FileManager.default.fileExists(atPath: "\(output)/CNAME"))
        }
    }

    /// Each of these deleted or moved the user's folders before (`--output Content --no-cache`
    /// deleted `site.yml` and every content file; `--output .` moved the whole project).
    @Test(arguments: [
        ("Content", "it is the content folder"), ("Content/incidents", "it is inside the content folder"),
        ("Templates", "it is the templates folder"), (".", "it is the site folder itself"),
        ("..", "it holds the working folder"), ("Templates/../Content", "it is the content folder"),
    ])
    func outputsThatAreOrHoldInputsAreRefused(_ output: String, _ reason: String) throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let before = HeraldProcess.snapshot(of: site)
        for extra in [[], ["--no-cache"]] {
            let run = try Self.build(["--output", output] + extra, in: site)
            #expect(run.status == 2)
            #expect(run.standardError.hasPrefix("herald: refusing to build into \(output): \(reason); "))
        }
        #expect(HeraldProcess.snapshot(of: site) == before)
        let parent = (site as NSString).deletingLastPathComponent
        let hidden = (try FileManager.default.contentsOfDirectory(atPath: site)).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "created \(hidden)")
        #expect(
            !FileManager.default.fileExists(
                atPath: "\(parent)/.\((site as NSString).lastPathComponent).herald-cache"))
    }

    /// `cd site && herald build --output .` and a build from inside the content folder.
    @Test func theWorkingFolderIsRefusedFromInsideTheSite() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let before = HeraldProcess.snapshot(of: site)
        let fromContent = try HeraldProcess.run(
            ["build", "--site", "..", "--output", "."] + Self.now, in: "\(site)/Content")
        #expect(fromContent.status == 2)
        #expect(
            fromContent.standardError.hasPrefix("herald: refusing to build into .: it is the working folder"))
        #expect(HeraldProcess.snapshot(of: site) == before)
    }

    /// `--output out.txt` turned the file into a folder.
    @Test func aFileIsRefused() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        try Self.write("mine\n", to: "\(site)/out.txt")
        let run = try Self.build(["--output", "out.txt"], in: site)
        #expect(run.status == 2)
        #expect(
            run.standardError.hasPrefix("herald: refusing to build into out.txt: it is a file, not a folder"))
        #expect(try String(contentsOfFile: "\(site)/out.txt", encoding: .utf8) == "mine\n")
    }

    /// `--output /` moved hidden top-level entries (tried in a chroot); refused by the path alone.
    @Test func theRootOfTheFileSystemIsRefused() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        #expect(throws: OutputPlacement.Refusal.self) {
            try OutputPlacement.check(
                OutputLocation("/"), inputs: [.init(name: "content", path: "\(site)/Content")],
                siteRoot: site,
                workingDirectory: site)
        }
        #expect(throws: OutputPlacement.Refusal.self) {
            try OutputPlacement.check(
                OutputLocation("../../../../../../../../.."), inputs: [], siteRoot: site,
                workingDirectory: site)
        }
        try OutputPlacement.check(
            OutputLocation("Output"), inputs: [.init(name: "content", path: "Content")], siteRoot: ".",
            workingDirectory: site)
    }
}
