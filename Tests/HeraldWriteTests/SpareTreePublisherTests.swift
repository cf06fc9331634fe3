import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport
@testable import HeraldWrite

/// Publication on a disk in memory: what the spare tree becomes, what is linked, written,
/// carried and removed. (Atomicity against a killed process, real hard links and `stat` are
/// tested on the real disk, in `HeraldBuildTests`.)
@Suite struct SpareTreePublisherTests {
    static let output = "/site/Output"
    static let spare = "/site/.Output.herald-cache/site"

    let disk = MemoryDisk()
    var publisher: SpareTreePublisher {
        SpareTreePublisher(outputDirectory: Self.output, spareDirectory: Self.spare, disk: disk)
    }

    init() throws {
        try disk.createDirectories(at: "/site")
    }

    func file(_ path: String, _ text: String) -> PlannedFile {
        PlannedFile(OutputFile(path: path, text: text))
    }

    /// The file of the current output at `path`, kept: its bytes are not given again.
    func kept(_ path: String, in manifest: OutputManifest) -> PlannedFile {
        PlannedFile(path: path, key: manifest.entries[path]?.key ?? StableHash.of(""), contents: nil)
    }

    func inode(_ path: String) -> UInt64? {
        disk.identity(at: "\(Self.output)/\(path)", directory: false)?.inode
    }

    @Test func firstPublishMovesTheSpareTreeInPlace() throws {
        let result = try publisher.publish(
            [file("index.html", "home"), file("incidents/a/index.html", "a")], current: OutputManifest(),
            outputIntact: false)
        #expect(
            disk.paths(below: Self.output) == [
                ".herald-output", "incidents", "incidents/a", "incidents/a/index.html", "index.html",
            ])
        #expect(disk.kind(at: Self.spare) == .absent)
        #expect(result.written == 2)
        #expect(
            result.manifest.entries["index.html"]?.identity
                == disk.identity(at: "\(Self.output)/index.html", directory: false))
        #expect(result.manifest.foldersAreIntact(in: Self.output, on: disk))
    }

    /// An unchanged file is the same inode in the new output (a link, not a copy); a changed one
    /// is a new file, so the old output, now the spare, still holds the old bytes.
    @Test func unchangedFilesAreLinkedChangedOnesWrittenAnew() throws {
        let first = try publisher.publish(
            [file("index.html", "home"), file("a.html", "old a")], current: OutputManifest(),
            outputIntact: false)
        let homeBefore = inode("index.html")
        let aBefore = inode("a.html")
        let second = try publisher.publish(
            [kept("index.html", in: first.manifest), file("a.html", "new a")], current: first.manifest,
            outputIntact: true)
        #expect(second.written == 1)
        #expect(inode("index.html") == homeBefore)
        #expect(inode("a.html") != aBefore)
        #expect(disk.text(at: "\(Self.output)/a.html") == "new a")
        #expect(disk.text(at: "\(Self.spare)/a.html") == "old a")
        // The link changed the file's change time, and the manifest says so.
        #expect(second.manifest.filesAreIntact(in: Self.output, on: disk))
        #expect(
            second.manifest.entries["index.html"]?.identity != first.manifest.entries["index.html"]?.identity)
    }

    @Test func nothingChangedLeavesTheOutputAlone() throws {
        let first = try publisher.publish(
            [file("index.html", "home")], current: OutputManifest(), outputIntact: false)
        let folder = disk.identity(at: Self.output, directory: true)
        let second = try publisher.publish(
            [kept("index.html", in: first.manifest)], current: first.manifest, outputIntact: true)
        #expect(second.written == 0)
        #expect(second.manifest == first.manifest)
        #expect(disk.identity(at: Self.output, directory: true) == folder)
    }

    /// Files of two builds ago left in the spare tree go, with the folders they leave empty;
    /// a link found there is removed, and a page stored while rendering never follows it.
    @Test func staleFilesAndLinksInTheSpareTreeAreRemoved() throws {
        let first = try publisher.publish(
            [file("index.html", "home"), file("old/page.html", "old")], current: OutputManifest(),
            outputIntact: false)
        _ = try publisher.publish(
            [kept("index.html", in: first.manifest), file("new.html", "new")], current: first.manifest,
            outputIntact: true)
        disk.write("secret", at: "/elsewhere/new2.html")
        disk.makeLink(at: "\(Self.spare)/new2.html", to: "/elsewhere/new2.html")
        let survey = publisher.survey()
        let stored = try #require(publisher.store("new2.html", Data("rendered".utf8)))
        let third = try publisher.publish(
            [
                file("index.html", "home"),
                PlannedFile(path: "new2.html", key: StableHash.of("rendered"), contents: nil, stored: stored),
            ],
            current: first.manifest, outputIntact: false, survey: survey)
        #expect(disk.paths(below: Self.output) == [".herald-output", "index.html", "new2.html"])
        #expect(disk.text(at: "/elsewhere/new2.html") == "secret")
        #expect(disk.text(at: "\(Self.output)/new2.html") == "rendered")
        #expect(third.written == 2)
    }

    /// A publishing checkout's entries and the files the output keeps go into every new output.
    @Test func preservedAndKeptEntriesAreCarriedOver() throws {
        _ = try publisher.publish(
            [file("index.html", "home")], current: OutputManifest(), outputIntact: false)
        disk.write("[core]", at: "\(Self.output)/.git/config")
        disk.write("status.example.com", at: "\(Self.output)/CNAME")
        disk.write("mine", at: "\(Self.output)/extra/notes.txt")
        let notes = inode("extra/notes.txt")
        _ = try publisher.publish(
            [file("index.html", "home 2")], current: OutputManifest(), outputIntact: false,
            kept: ["extra/notes.txt"])
        #expect(disk.text(at: "\(Self.output)/.git/config") == "[core]")
        #expect(disk.text(at: "\(Self.output)/CNAME") == "status.example.com")
        #expect(inode("extra/notes.txt") == notes)
        #expect(disk.text(at: "\(Self.output)/.herald-output")?.contains("k extra/notes.txt") == true)
    }

    /// Without an atomic exchange the swap renames, with the same result.
    @Test func withoutAnExchangeTheSwapRenames() throws {
        let disk = MemoryDisk(exchanges: false)
        try disk.createDirectories(at: "/site")
        let publisher = SpareTreePublisher(
            outputDirectory: Self.output, spareDirectory: Self.spare, disk: disk)
        let first = try publisher.publish(
            [file("index.html", "one")], current: OutputManifest(), outputIntact: false)
        _ = try publisher.publish([file("index.html", "two")], current: first.manifest, outputIntact: false)
        #expect(disk.text(at: "\(Self.output)/index.html") == "two")
        #expect(disk.text(at: "\(Self.spare)/index.html") == "one")
        #expect(disk.kind(at: "\(Self.spare)-old") == .absent)
    }

    /// A preserved entry that a killed build moved into a spare tree goes back into the output.
    @Test func rescueBringsPreservedEntriesBack() throws {
        try disk.createDirectories(at: Self.output)
        disk.write("[core]", at: "\(Self.spare)/.git/config")
        disk.write("stale page", at: "\(Self.spare)/index.html")
        DirectorySwap(disk: disk).rescue(from: Self.spare, into: Self.output)
        #expect(disk.text(at: "\(Self.output)/.git/config") == "[core]")
        #expect(disk.kind(at: "\(Self.output)/index.html") == .absent)
    }

    @Test func unsafePathsAreRefusedBeforeAnythingIsWritten() throws {
        #expect(throws: OutputPublisher.Failure.self) {
            try publisher.publish(
                [file("../escape.html", "x")], current: OutputManifest(), outputIntact: false)
        }
        #expect(disk.paths(below: "/site").isEmpty)
    }

    /// Only relative paths of plain names reach the disk.
    @Test func safePathsArePlainRelativeNames() {
        for path in ["index.html", "incidents/a/index.html", "...", "a/.well-known/x", "a..b/c.d"] {
            #expect(OutputPublisher.isSafe(path), "\(path)")
        }
        for path in [
            "", "/etc/passwd", "../escape.html", "a/../b", "a/./b", ".", "..", "a//b", "a/", "a\\b",
            "a\u{0}b",
        ] {
            #expect(!OutputPublisher.isSafe(path), "\(path)")
        }
    }

    /// A file where the page's folder should be fails the publish, naming the path.
    @Test func aFileInTheWayOfAFolderIsReported() throws {
        disk.write("not a folder", at: "\(Self.spare)/incidents")
        #expect {
            try publisher.publish(
                [file("incidents/a/index.html", "a")], current: OutputManifest(), outputIntact: false)
        } throws: { error in
            "\(error)".contains("\(Self.spare)/incidents")
        }
    }
}
