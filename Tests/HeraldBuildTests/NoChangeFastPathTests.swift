import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport
@testable import HeraldValidate
@testable import HeraldWrite

/// A cached build whose inputs are those of the build that made the current output returns that
/// build's result without loading anything; after any change to an input, the output or the
/// cache, the next build takes the full path and publishes exactly the bytes of a clean build.
@Suite struct NoChangeFastPathTests {
    static let now = GoldenSiteTests.now
    /// Inputs are dated well before the builds, outside the racy window, as on a real site
    /// whose files were saved a while ago; files written by a test right before a build would
    /// (rightly) keep any build from recording its fingerprint.
    static let aged = Date().addingTimeInterval(-3600)

    /// A copy of the example site in a temporary folder, with every input dated `aged`.
    struct Site {
        let root: String
        var output: String { "\(root)/Output" }
        var cache: String { OutputLocation(output).cacheDirectory }
        var record: String { BuildRecord.path(inCache: cache) }
        var reference: String { "\(root)/Reference" }

        init() throws {
            root = try RepositoryPaths.temporaryDirectory()
            for folder in ["Content", "Templates"] {
                try FileManager.default.copyItem(
                    atPath: "\(RepositoryPaths.root)/\(folder)", toPath: "\(root)/\(folder)")
            }
            try age("Content")
            try age("Templates")
        }

        /// Sets the modification time of a file or folder and everything below it.
        func age(_ relative: String, to date: Date = NoChangeFastPathTests.aged) throws {
            let path = "\(root)/\(relative)"
            let below = FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []
            for item in below.map({ "\(path)/\($0)" }) + [path] {
                try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: item)
            }
        }

        func options(
            now: Date = NoChangeFastPathTests.now, previous: String? = nil, output: String? = nil,
            staleAfter: TimeInterval = 4 * 3600
        ) -> BuildOptions {
            BuildOptions(
                siteRoot: root, outputDirectory: output, now: now, previousState: previous,
                staleAfter: staleAfter)
        }

        /// A cached build, checked against a clean (`useCache: false`) build of the same inputs
        /// and previous state into `Reference/`: same files, same bytes, same result. With
        /// `reused`, also checks that the build took the fast path and touched nothing.
        @discardableResult
        func build(
            reused: Bool, now: Date = NoChangeFastPathTests.now, previous: String? = nil,
            staleAfter: TimeInterval = 4 * 3600, sourceLocation: Testing.SourceLocation = #_sourceLocation
        ) throws -> SiteBuilder.Built {
            let manager = FileManager.default
            try? manager.removeItem(atPath: reference)
            if manager.fileExists(atPath: output) { try manager.copyItem(atPath: output, toPath: reference) }
            let before = HeraldProcess.snapshot(of: output)
            let built = try SiteBuilder.build(
                options(now: now, previous: previous, staleAfter: staleAfter), fileSystem: LocalFileSystem(),
                useCache: true)
            #expect(built.reusedOutput == reused, sourceLocation: sourceLocation)
            if reused {
                #expect(built.written == 0, sourceLocation: sourceLocation)
                #expect(HeraldProcess.snapshot(of: output) == before, sourceLocation: sourceLocation)
            }
            let clean = try SiteBuilder.build(
                options(now: now, previous: previous, output: reference, staleAfter: staleAfter),
                fileSystem: LocalFileSystem(), useCache: false)
            let published = HeraldProcess.snapshot(of: output)
            let expected = HeraldProcess.snapshot(of: reference)
            let cleanPaths = clean.paths.sorted()
            #expect(published.keys.sorted() == cleanPaths, sourceLocation: sourceLocation)
            #expect(expected.keys.sorted() == cleanPaths, sourceLocation: sourceLocation)
            let differing = cleanPaths.filter { published[$0] != expected[$0] }
            #expect(differing.isEmpty, "differ from a clean build", sourceLocation: sourceLocation)
            #expect(built.paths.sorted() == cleanPaths, sourceLocation: sourceLocation)
            #expect(built.changes == clean.changes, sourceLocation: sourceLocation)
            #expect(built.warnings == clean.warnings, sourceLocation: sourceLocation)
            #expect(built.previousStateProblem == clean.previousStateProblem, sourceLocation: sourceLocation)
            return built
        }

        /// Cold, then the rebuild that first has a previous state, then the no-op.
        func buildUntilReused(staleAfter: TimeInterval = 4 * 3600) throws {
            try build(reused: false, staleAfter: staleAfter)
            try build(reused: false, staleAfter: staleAfter)
            try build(reused: true, staleAfter: staleAfter)
        }

        /// Replaces `old` by `new` in place (same inode), checking the size stays the same, so
        /// only the modification time tells the change.
        func editKeepingSize(_ relative: String, _ old: String, _ new: String) throws {
            let path = "\(root)/\(relative)"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old) && old.utf8.count == new.utf8.count)
            let before = try FileManager.default.attributesOfItem(atPath: path)
            try text.replacingOccurrences(of: old, with: new).write(
                toFile: path, atomically: false, encoding: .utf8)
            let after = try FileManager.default.attributesOfItem(atPath: path)
            #expect(after[.size] as? Int == before[.size] as? Int)
            #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        }
    }

    /// Changes made between a no-op build and the next one.
    enum Change: String, CaseIterable, Sendable {
        case contentEditedKeepingSize, templateEditedKeepingSize, siteConfigEdited, contentAdded
        case contentDeleted, nowChanged, outputFileModified, outputFileDeleted, recordCorrupted
        case previousStateModified, cacheDeleted, linkedContentEdited, contentPermissionsChanged
        case outputRebuiltWithoutCache

        func apply(to site: Site) throws {
            let manager = FileManager.default
            switch self {
            case .contentEditedKeepingSize:
                try site.editKeepingSize(
                    "Content/incidents/2025-10-06-cluster-a-email.md", "is not affected", "is NOT affected")
            case .templateEditedKeepingSize:
                try site.editKeepingSize(
                    "Templates/partials/update.mustache", "From this update", "From this Update")
            case .siteConfigEdited:
                try site.editKeepingSize("Content/site.yml", "Example Mail Status", "Example Mail STATUS")
            case .contentAdded:
                try "---\ntitle: A new post\ndate: 2025-10-01T10:00:00Z\nsummary: New.\n---\nBody.\n".write(
                    toFile: "\(site.root)/Content/blog/2025-10-01-a-new-post.md", atomically: false,
                    encoding: .utf8)
            case .contentDeleted:
                try manager.removeItem(
                    atPath: "\(site.root)/Content/blog/2025-09-03-keep-your-contacts-current.md")
            case .nowChanged:
                break  // see `now`
            case .outputFileModified:
                let page = "\(site.output)/blog/index.html"
                let text = try String(contentsOfFile: page, encoding: .utf8)
                try text.replacingOccurrences(of: "<html", with: "<HTML").write(
                    toFile: page, atomically: false, encoding: .utf8)
            case .outputFileDeleted:
                try manager.removeItem(atPath: "\(site.output)/history/index.html")
            case .recordCorrupted:
                try Data([0x68, 0x65, 0x72, 0, 0xFF, 0x12]).write(to: URL(fileURLWithPath: site.record))
            case .previousStateModified:
                let state = "\(site.output)/\(SitePaths.state)"
                let text = try String(contentsOfFile: state, encoding: .utf8)
                try text.replacingOccurrences(of: "\"operational\"", with: "\"major-outage\"").write(
                    toFile: state, atomically: false, encoding: .utf8)
            case .cacheDeleted:
                try manager.removeItem(atPath: site.cache)
            case .linkedContentEdited:
                try site.editKeepingSize("outside/post.md", "contacts", "CONTACTS")
            case .outputRebuiltWithoutCache:
                // Same inputs, same bytes, but no longer the files the manifest recorded.
                _ = try SiteBuilder.build(site.options(), fileSystem: LocalFileSystem(), useCache: false)
            case .contentPermissionsChanged:
                // Only the change time moves; a build that can no longer read the file must fail.
                try manager.setAttributes(
                    [.posixPermissions: 0o600],
                    ofItemAtPath: "\(site.root)/Content/incidents/2025-10-06-cluster-a-email.md")
            }
        }

        var now: Date { self == .nowChanged ? NoChangeFastPathTests.now + 60 : NoChangeFastPathTests.now }
    }

    @Test(arguments: Change.allCases)
    func anyChangeTakesTheFullPathAndGivesTheBytesOfACleanBuild(_ change: Change) throws {
        let site = try Site()
        if change == .linkedContentEdited {
            // A content file that is a symbolic link out of the site: the fingerprint must follow
            // it as the loader does. (Templates may only link inside Templates/.)
            let manager = FileManager.default
            let post = "\(site.root)/Content/blog/2025-09-03-keep-your-contacts-current.md"
            try manager.createDirectory(atPath: "\(site.root)/outside", withIntermediateDirectories: true)
            try manager.moveItem(atPath: post, toPath: "\(site.root)/outside/post.md")
            try manager.createSymbolicLink(atPath: post, withDestinationPath: "\(site.root)/outside/post.md")
            try site.age("outside")
            try site.age("Content")
        }
        try site.buildUntilReused()
        try change.apply(to: site)
        try site.build(reused: false, now: change.now)
    }

    /// A site on the built-in theme has no templates folder: its no-change build is a no-op too,
    /// and a templates folder made afterwards is a change.
    @Test func aSiteWithoutATemplatesFolderHasTheFastPath() throws {
        let site = try Site()
        try FileManager.default.removeItem(atPath: "\(site.root)/Templates")
        try site.buildUntilReused()
        try FileManager.default.createDirectory(
            atPath: "\(site.root)/Templates/partials", withIntermediateDirectories: true)
        try "<p>site badge</p>\n".write(
            toFile: "\(site.root)/Templates/partials/badge.mustache", atomically: false, encoding: .utf8)
        try site.age("Templates")
        try site.build(reused: false)
        try site.build(reused: true)
    }

    @Test func theNoOpKeepsEveryFileAndItsModificationTime() throws {
        let site = try Site()
        try site.buildUntilReused()
        let page = "\(site.output)/incidents/2025-10-06-cluster-a-email/index.html"
        let before = try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date
        let built = try site.build(reused: true)
        #expect(try FileManager.default.attributesOfItem(atPath: page)[.modificationDate] as? Date == before)
        #expect(built.changes.previous != nil && built.changes.isEmpty)
    }

    @Test func aFullBuildAfterAChangeRecordsAgainAndTheNextIsANoOp() throws {
        let site = try Site()
        try site.buildUntilReused()
        try Change.recordCorrupted.apply(to: site)
        try site.build(reused: false)
        try site.build(reused: true)
        try FileManager.default.removeItem(atPath: site.cache)
        try site.build(reused: false)
        try site.build(reused: true)
    }

    @Test func warningsAreReplayed() throws {
        let site = try Site()
        // As of 19:00 the October incident is ongoing with its last update at 18:50.
        let staleAfter: TimeInterval = 60
        try site.build(reused: false, staleAfter: staleAfter)
        let full = try site.build(reused: false, staleAfter: staleAfter)
        let replayed = try site.build(reused: true, staleAfter: staleAfter)
        #expect(!full.warnings.isEmpty)
        #expect(replayed.warnings == full.warnings)
    }

    @Test func anExplicitPreviousStateIsPartOfTheInputs() throws {
        let site = try Site()
        try site.build(reused: false, now: Self.now - 86_400)
        let previous = "\(site.root)/previous-state.json"
        try FileManager.default.copyItem(atPath: "\(site.output)/\(SitePaths.state)", toPath: previous)
        try site.build(reused: false, previous: previous)
        let reused = try site.build(reused: true, previous: previous)
        #expect(!reused.changes.isEmpty)

        try Data("{\"format\": 99}".utf8).write(to: URL(fileURLWithPath: previous))
        try site.build(reused: false, previous: previous)
        let unknown = try site.build(reused: true, previous: previous)
        #expect(unknown.previousStateProblem != nil)

        try FileManager.default.removeItem(atPath: previous)
        try site.build(reused: false, previous: previous)
        let missing = try site.build(reused: true, previous: previous)
        #expect(missing.previousStateProblem?.contains("does not exist") == true)
    }

    @Test func aRacyInputKeepsTheBuildFromRecording() throws {
        let site = try Site()
        try site.build(reused: false)
        try site.build(reused: false)
        #expect(FileManager.default.fileExists(atPath: site.record))
        // Saved after the build starts (a clock a little ahead, or an edit during the build): an
        // edit within the same timestamp tick would not change its identity. The window before
        // the start is checked below, with a fixed start.
        try site.age("Content/site.yml", to: Date() + 30)
        try site.build(reused: false)
        #expect(!FileManager.default.fileExists(atPath: site.record), "the old record is removed")
        try site.build(reused: false)
        #expect(!FileManager.default.fileExists(atPath: site.record))
        try site.age("Content/site.yml")
        try site.build(reused: false)
        try site.build(reused: true)
    }

    @Test func theRacyWindowIsTwoSecondsBeforeTheStartAndAnyTimeAfter() throws {
        let site = try Site()
        let saved = Date(timeIntervalSince1970: 1_750_000_000)
        try site.age("Content", to: saved - 60)
        try site.age("Templates", to: saved - 60)
        try site.age("Templates/layout.mustache", to: saved)
        let options = site.options()
        #expect(InputFingerprint(options, startedAt: saved + 2.5)?.isRacy == false)
        #expect(InputFingerprint(options, startedAt: saved + 1.5)?.isRacy == true)
        #expect(InputFingerprint(options, startedAt: saved - 10)?.isRacy == true)
        #expect(
            InputFingerprint(options, startedAt: saved + 2.5)?.hash
                == InputFingerprint(options, startedAt: saved + 100)?.hash)
    }

    @Test func noFingerprintWithoutTheExecutableOrForAnUnreadableTree() throws {
        let site = try Site()
        let options = site.options()
        #expect(InputFingerprint(options, startedAt: Date()) != nil)
        #expect(InputFingerprint(options, startedAt: Date(), executable: nil) == nil)
        try FileManager.default.createSymbolicLink(
            atPath: "\(site.root)/Content/dangling", withDestinationPath: "\(site.root)/nowhere")
        #expect(InputFingerprint(options, startedAt: Date()) == nil)
        try FileManager.default.removeItem(atPath: "\(site.root)/Content/dangling")
        try FileManager.default.createSymbolicLink(
            atPath: "\(site.root)/Content/blog/loop", withDestinationPath: "\(site.root)/Content")
        #expect(InputFingerprint(options, startedAt: Date()) == nil)
    }

    @Test func hiddenFilesAreInputsToo() throws {
        let site = try Site()
        let options = site.options()
        let before = InputFingerprint(options, startedAt: Date())
        try "x".write(toFile: "\(site.root)/Templates/.hidden", atomically: false, encoding: .utf8)
        try site.age("Templates")
        #expect(InputFingerprint(options, startedAt: Date())?.hash != before?.hash)
    }

    /// `InputFingerprint` hashes every option; a new one must be added there (or here, if it
    /// cannot change the output or the messages).
    @Test func everyBuildOptionIsHashed() {
        let names = Mirror(reflecting: BuildOptions(now: Self.now)).children.compactMap(\.label)
        #expect(
            names == [
                "siteRoot", "contentDirectory", "templatesDirectory", "outputDirectory", "baseURL", "now",
                "includeDrafts", "previousState", "staleAfter", "foreignFiles", "workingDirectory",
                // Not hashed: the clock only decides whether the fingerprint is recorded.
                "clock",
            ])
    }

    @Test(
        .enabled(
            if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
    func theCommandLineSaysSoAndPrintsTheSameSummary() throws {
        let site = try Site()
        var runs: [HeraldProcess.Result] = []
        for _ in 0..<3 {
            runs.append(
                try HeraldProcess.run(["build", "--now", "2025-10-06T19:00:00Z", "--verbose"], in: site.root))
        }
        #expect(runs.allSatisfy { $0.status == 0 })
        #expect(!runs[1].standardOutput.contains("output reused"))
        #expect(runs[2].standardOutput.contains("inputs unchanged since the previous build; output reused"))
        func summary(_ run: HeraldProcess.Result) -> [String] {
            run.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("  ") }.map {
                String($0.replacing(#/ in \d+ ms/#, with: " in … ms"))
            }
        }
        #expect(summary(runs[2]) == summary(runs[1]))
        #expect(
            summary(runs[2]).first?.hasPrefix("Built 20 pages, 16 feeds, 13 API files (88 files)") == true)
    }

    @Test func theRecordRoundTripsAndRejectsDamage() throws {
        let record = BuildRecord(
            inputs: StableHash.of("inputs"),
            warnings: [
                .warning(
                    at: HeraldCore.SourceLocation(path: "Content/a.md", line: 3, column: 7),
                    "line one\nline \"two\"")
            ],
            previousStateProblem: "cannot use previous state")
        let data = record.encoded()
        #expect(BuildRecord.decode(data) == record)
        var damaged = data
        damaged[damaged.count - 3] ^= 0x20
        #expect(BuildRecord.decode(damaged) == nil)
        #expect(BuildRecord.decode(Data("garbage".utf8)) == nil)
        #expect(BuildRecord.decode(Data()) == nil)
    }

    /// The fast path reads the manifest on every build, so it is parsed as bytes; same format.
    @Test func theManifestRoundTripsAndRejectsDamage() throws {
        func identity(_ number: Int64) -> FileIdentity {
            FileIdentity(
                device: UInt64.max - UInt64(number), inode: UInt64(number), size: number,
                modifiedSeconds: -number, modifiedNanoseconds: 999_999_999, changedSeconds: number * 3,
                changedNanoseconds: 1)
        }
        var manifest = OutputManifest()
        manifest.entries["index.html"] = .init(key: StableHash(high: 0, low: 1), identity: identity(1))
        manifest.entries["blog/a page with spaces.html"] = .init(
            key: StableHash(high: .max, low: 0xABCD), identity: identity(0))
        manifest.directories[""] = identity(2)
        manifest.directories["blog"] = identity(3)
        let data = manifest.encoded()
        #expect(OutputManifest.decode(data) == manifest)
        #expect(OutputManifest.decode(OutputManifest().encoded()) == OutputManifest())
        for offset in [0, 30, data.count / 2, data.count - 1] {
            var damaged = data
            damaged[offset] ^= 0x01
            #expect(OutputManifest.decode(damaged) == nil, "byte \(offset)")
        }
        #expect(OutputManifest.decode(data.prefix(data.count - 4)) == nil)
        #expect(OutputManifest.decode(Data("garbage".utf8)) == nil)
        #expect(OutputManifest.decode(Data()) == nil)
    }

    /// A path that a line of the manifest cannot hold (a line feed, alone or after a carriage
    /// return, which Swift counts as one character with it) is left out rather than breaking
    /// every line after it; the file is then simply not known to the next build.
    @Test func aPathWithALineBreakIsLeftOutOfTheManifest() throws {
        let identity = FileIdentity(
            device: 1, inode: 2, size: 3, modifiedSeconds: 4, modifiedNanoseconds: 5, changedSeconds: 6,
            changedNanoseconds: 7)
        var manifest = OutputManifest()
        manifest.entries["index.html"] = .init(key: StableHash(high: 0, low: 1), identity: identity)
        var decodable = manifest
        manifest.entries["a\r\nb.html"] = .init(key: StableHash(high: 0, low: 2), identity: identity)
        manifest.entries["c\nd.html"] = .init(key: StableHash(high: 0, low: 3), identity: identity)
        manifest.directories["x\r\ny"] = identity
        decodable.directories = [:]
        #expect(OutputManifest.decode(manifest.encoded()) == decodable)
    }
}
