import Foundation
import Testing
import Yams

@testable import HeraldCore
@testable import HeraldLoad
@testable import HeraldTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Messages that blame the right thing: a file that is not UTF-8, a message YAML could not hold as
/// written, a path that is not a regular file.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"),
    .timeLimit(.minutes(2)))
struct MessageTests {
    static let incident = "Content/incidents/2025-10-06-cluster-a-email.md"

    // MARK: herald update

    @Test func updateOnAFileThatIsNotUTF8SaysSoAndWhere() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let url = URL(fileURLWithPath: "\(site)/\(Self.incident)")
        var data = try Data(contentsOf: url)
        data.replaceSubrange(4..<4, with: Array("Caf".utf8) + [0xE9] + Array(" ".utf8))  // Latin-1 é, line 2
        try data.write(to: url)
        let result = try HeraldProcess.run(
            [
                "update", "cluster-a-email", "--status", "identified", "--message", "Hi.", "--now",
                "2025-10-06T19:00:00Z",
            ], in: site)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "herald: the file has errors; fix them first:\n\(Self.incident):2:4: error: file is not valid "
                + "UTF-8 text: byte 0xE9 here cannot start or continue a character; save the file as UTF-8\n")
    }

    @Test func updateWithAnotherSlugListsTheFilesThatCouldNotBeRead() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF]).write(
            to: URL(fileURLWithPath: "\(site)/Content/incidents/2025-10-08-other.md"))
        let result = try HeraldProcess.run(
            ["update", "no-such-incident", "--status", "identified", "--message", "Hi."], in: site)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "herald: no incident or maintenance has the slug `no-such-incident`. These files could not "
                + "be read, so their slugs are unknown:\n  Content/incidents/2025-10-08-other.md:2:1: error: "
                + "file is not valid UTF-8 text: byte 0xFF here cannot start or continue a character; save "
                + "the file as UTF-8\n")
    }

    @Test func aMessageStartingWithATabIsWrittenAndReadsBack() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let message = "\tIndented first line\nand a second"
        let result = try HeraldProcess.run(
            [
                "update", "cluster-a-email", "--status", "identified", "--message", message, "--now",
                "2025-10-06T19:00:00Z",
            ], in: site)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "\(Self.incident): added an update (identified)\n")
        let text = try String(contentsOfFile: "\(site)/\(Self.incident)", encoding: .utf8)
        guard case .success(let frontMatter) = FrontMatter.split(text),
            let updates = try Yams.compose(yaml: frontMatter.yaml)?.mapping?["updates"]?.sequence
        else {
            Issue.record("the front matter does not read back")
            return
        }
        #expect(updates.last?.mapping?["message"]?.string == message + "\n")
        let check = try HeraldProcess.run(["check", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(check.status == 0, "\(check.standardOutput)")
    }

    @Test func aMessageWithAControlCharacterIsRefusedForWhatItIs() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let result = try HeraldProcess.run(
            [
                "update", "cluster-a-email", "--status", "identified", "--message", "Clear \u{1B}[2J",
                "--now",
                "2025-10-06T19:00:00Z",
            ], in: site)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "herald: the message contains the control character U+001B; remove it (tab and line feed "
                + "are the only control characters text may hold)\n")
    }

    // MARK: Not a regular file

    @Test func aFIFOOrALinkToDevZeroUnderContentIsNotARegularFile() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        #expect(mkfifo("\(site)/Content/incidents/2025-10-07-fifo.md", 0o644) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: "\(site)/Content/blog/2025-10-07-zero.md", withDestinationPath: "/dev/zero")
        let hint =
            "content files must be regular files: replace it with one or move it out of the content folder"
        let expected = [
            "Content/blog/2025-10-07-zero.md:1:1: error: cannot read file: not a regular file (it is a device); "
                + hint,
            "Content/incidents/2025-10-07-fifo.md:1:1: error: cannot read file: not a regular file (it is a FIFO); "
                + hint,
        ]
        let check = try HeraldProcess.run(["check", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(check.status == 1)
        #expect(check.standardOutput == expected.map { $0 + "\n" }.joined())
        let build = try HeraldProcess.run(["build", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(build.status == 1)
        #expect(
            build.standardError
                == (expected + ["herald: 2 errors; nothing was written"]).map { $0 + "\n" }.joined())
    }

    @Test func aFIFOUnderTemplatesIsNotARegularFile() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        #expect(mkfifo("\(site)/Templates/assets/fifo.css", 0o644) == 0)
        let build = try HeraldProcess.run(["build", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(build.status == 1)
        #expect(
            build.standardError.hasPrefix(
                "Templates/assets/fifo.css:1:1: error: cannot read template file: not a regular file (it is a FIFO)\n"
            ))
    }

    @Test func diffWithAFIFOOrDevZeroIsNotARegularFile() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let fifo = "\(site)/state.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let built = try HeraldProcess.run(["build", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(built.status == 0, "\(built.standardError)")
        let state = "Output/api/state.json"
        for (old, new, named, kind) in [
            (fifo, state, fifo, "a FIFO"), (state, "/dev/zero", "/dev/zero", "a device"),
        ] {
            let result = try HeraldProcess.run(["diff", old, new], in: site)
            #expect(result.status == 2)
            #expect(
                result.standardError
                    == "herald: error: cannot read \(named): not a regular file (it is \(kind)); give a "
                    + "state.json file\n")
        }
    }

    @Test func aPreviousStateThatIsAFIFOIsNotARegularFile() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        #expect(mkfifo("\(site)/state.fifo", 0o644) == 0)
        let result = try HeraldProcess.run(
            ["build", "--now", "2025-10-06T19:00:00Z", "--previous", "state.fifo"], in: site)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError
                == "herald: warning: cannot use previous state state.fifo: not a regular file (it is a FIFO); "
                + "treating this as a first build\n")
    }

    @Test func theGuardedReadRefusesDevicesAndStopsAtItsLimit() throws {
        #expect(throws: RegularFile.Failure.notRegular("a device")) { try RegularFile.read("/dev/zero") }
        #expect(throws: RegularFile.Failure.notRegular("a folder")) { try RegularFile.read("/") }
        let zero = open("/dev/zero", O_RDONLY)
        defer { close(zero) }
        #expect(throws: RegularFile.Failure.tooLarge(limit: 1000)) {
            try RegularFile.readAll(zero, limit: 1000)
        }
        let file = try RepositoryPaths.temporaryDirectory() + "/small"
        try Data("abc".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try RegularFile.read(file) == Data("abc".utf8))
        #expect(throws: RegularFile.Failure.tooLarge(limit: 2)) { try RegularFile.read(file, limit: 2) }
    }
}
