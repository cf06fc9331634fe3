import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldRender
@testable import HeraldTestSupport
@testable import HeraldValidate
@testable import HeraldWrite

/// The build cache is only an optimisation: after any kind of change, a cached build must
/// publish exactly the bytes of a clean build, and files it did not change keep their
/// modification time.
@Suite struct BuildCacheTests {
    static let now = GoldenSiteTests.now

    /// A copy of the example site in a temporary folder.
    struct Site {
        let root: String
        var output: String { "\(root)/Output" }
        var cache: String { OutputLocation(output).cacheDirectory }

        init() throws {
            root = try RepositoryPaths.temporaryDirectory()
            for folder in ["Content", "Templates"] {
                try FileManager.default.copyItem(
                    atPath: "\(RepositoryPaths.root)/\(folder)", toPath: "\(root)/\(folder)")
            }
        }

        func options(now: Date = BuildCacheTests.now, previous: String? = nil) -> BuildOptions {
            BuildOptions(siteRoot: root, now: now, previousState: previous)
        }

        /// Builds with the cache and expects the output to equal a clean render with the same
        /// previous state; returns what the build did.
        @discardableResult
        func buildAndCompare(
            now: Date = BuildCacheTests.now, warm: WarmCache? = nil, keepsWarm: Bool = false,
            fileSystem: any FileSystem = LocalFileSystem(), clock: (@Sendable () -> Date)? = nil
        ) throws -> SiteBuilder.Built {
            let previousCopy = "\(root)/previous-state.json"
            try? FileManager.default.removeItem(atPath: previousCopy)
            let previous = "\(output)/\(SitePaths.state)"
            let hadPrevious = FileManager.default.fileExists(atPath: previous)
            if hadPrevious { try FileManager.default.copyItem(atPath: previous, toPath: previousCopy) }
            var cached = options(now: now)
            if let clock { cached.clock = clock }
            let built = try SiteBuilder.build(
                cached, fileSystem: fileSystem, useCache: true, warm: warm, keepsWarm: keepsWarm)
            let clean = try SiteBuilder.render(
                options(now: now, previous: hadPrevious ? previousCopy : "\(root)/no-previous-state.json"),
                fileSystem: LocalFileSystem())
            let published = RepositoryPaths.files(in: output).filter { !$0.hasPrefix(".") }
            #expect(published == clean.files.map(\.path).sorted(), "the set of files differs")
            for file in clean.files {
                let published = try? Data(contentsOf: URL(fileURLWithPath: "\(output)/\(file.path)"))
                #expect(published == file.contents, "\(file.path) differs from a clean build")
            }
            #expect(Set(built.paths) == Set(clean.files.map(\.path)))
            #expect(built.warnings == clean.warnings, "the warnings differ from a clean build's")
            return built
        }

        func edit(_ relative: String, _ change: (String) -> String) throws {
            let path = "\(root)/\(relative)"
            try change(String(contentsOfFile: path, encoding: .utf8)).write(
                toFile: path, atomically: false, encoding: .utf8)
        }

        func modificationDate(_ relative: String) throws -> Date? {
            try FileManager.default.attributesOfItem(atPath: "\(output)/\(relative)")[.modificationDate]
                as? Date
        }
    }

    static let incident = "Content/incidents/2025-10-06-cluster-a-email.md"
    static let post = "blog/2025-08-05-introducing-the-status-site/index.html"

    @Test func unchangedRebuildWritesNothing() throws {
        let site = try Site()
        let first = try site.buildAndCompare()
        #expect(first.written == first.paths.count)
        try site.buildAndCompare()  // the state diff changes api/changes.json once
        let before = try site.modificationDate(Self.post)
        let third = try site.buildAndCompare()
        #expect(third.written == 0)
        #expect(try site.modificationDate(Self.post) == before)
    }

    @Test func aLaterMinuteWithoutNewsRewritesOnlyLiveStatusPages() throws {
        let site = try Site()
        try site.buildAndCompare()
        let incidentPage = "incidents/2025-10-06-cluster-a-email/index.html"
        let before = try site.modificationDate(incidentPage)
        let later = try site.buildAndCompare(now: Self.now.addingTimeInterval(60))
        #expect(try site.modificationDate(incidentPage) == before)
        #expect(later.written > 0)
        #expect(later.written < later.paths.count / 2, "only the index, cluster pages and state files change")
    }

    @Test func contentEditRewritesOnlyWhatChanged() throws {
        let site = try Site()
        try site.buildAndCompare()
        try site.buildAndCompare()
        let postDate = try site.modificationDate(Self.post)
        let blogFeedDates = try ["blog/feed.atom", "blog/feed.json"].map(site.modificationDate)
        try site.edit(Self.incident) { $0 + "\nOne more sentence about *the fix*.\n" }
        let built = try site.buildAndCompare()
        #expect(built.written > 0 && built.written < built.paths.count / 2)
        #expect(try site.modificationDate(Self.post) == postDate)
        // The blog's feeds do not list the incident: kept as they are, not rendered again.
        #expect(try ["blog/feed.atom", "blog/feed.json"].map(site.modificationDate) == blogFeedDates)
        try site.edit(Self.incident) { $0.replacingOccurrences(of: "One more sentence", with: "A sentence") }
        try site.buildAndCompare()
        try site.buildAndCompare()
    }

    /// A kept feed is named in the new state by the hash the output's state recorded for it,
    /// so only while that state is as Herald wrote it: one edited behind its back (here to
    /// name the blog feed wrongly) is not believed, and the new state is a clean build's.
    @Test func aKeptFeedIsNamedByTheStateOnlyAsHeraldWroteIt() throws {
        let site = try Site()
        try site.buildAndCompare()
        let state = "\(site.output)/\(SitePaths.state)"
        let text = try String(contentsOfFile: state, encoding: .utf8)
        let doctored = try #require(
            text.firstRange(of: #/"blog/feed.atom" *: *"[0-9a-f]+"/#).map {
                text.replacingCharacters(in: $0, with: #""blog/feed.atom": "0123""#)
            })
        try doctored.write(toFile: state, atomically: false, encoding: .utf8)
        try site.edit(Self.incident) { $0 + "\nOne more sentence about *the fix*.\n" }
        try site.buildAndCompare()
    }

    @Test func templateAndSiteConfigEdits() throws {
        let site = try Site()
        try site.buildAndCompare()
        try site.edit("Templates/partials/update.mustache") {
            $0.replacingOccurrences(of: "From this update", with: "Since then")
        }
        try site.buildAndCompare()
        try site.edit("Templates/assets/style.css") { $0 + "\n/* edited */\n" }
        try site.buildAndCompare()
        try site.edit("Content/site.yml") {
            $0.replacingOccurrences(of: "title: Example Mail Status", with: "title: Mail Status")
        }
        try site.buildAndCompare()
        try site.edit("Content/site.yml") {
            $0.replacingOccurrences(of: "unsafe_html: false", with: "unsafe_html: true")
        }
        try site.buildAndCompare()
    }

    @Test func nowCrossingAMaintenanceWindow() throws {
        let site = try Site()
        try site.buildAndCompare()
        for instant in ["2025-10-15T05:59:00Z", "2025-10-15T06:30:00Z", "2025-10-15T08:01:00Z"] {
            try site.buildAndCompare(now: try #require(Timestamp.parse(instant)))
        }
    }

    @Test func deletedAndRenamedFiles() throws {
        let site = try Site()
        try site.buildAndCompare()
        let manager = FileManager.default
        try manager.removeItem(atPath: "\(site.root)/Content/blog/2025-09-03-keep-your-contacts-current.md")
        try site.buildAndCompare()
        try manager.moveItem(
            atPath: "\(site.root)/Content/maintenance/2025-09-17-cluster-a-webmail-update.md",
            toPath: "\(site.root)/Content/maintenance/2025-09-17-webmail-update.md")
        try site.buildAndCompare()
        try manager.moveItem(
            atPath: "\(site.root)/Content/maintenance/2025-09-17-webmail-update.md",
            toPath: "\(site.root)/Content/maintenance/2025-09-17-cluster-a-webmail-update.md")
        try site.buildAndCompare()
    }

    @Test func corruptOrDeletedCacheGivesTheSameBytes() throws {
        let site = try Site()
        try site.buildAndCompare()
        try site.edit(Self.incident) { $0 + "\nEdited.\n" }
        for name in ["manifest.txt", "markdown.bin", "parses.bin"] {
            let path = "\(site.cache)/\(name)"
            var data = try Data(contentsOf: URL(fileURLWithPath: path))
            data[data.count / 2] ^= 0x55
            try data.write(to: URL(fileURLWithPath: path))
        }
        try site.buildAndCompare()
        try "garbage".write(toFile: "\(site.cache)/manifest.txt", atomically: false, encoding: .utf8)
        try Data([0, 1, 2]).write(to: URL(fileURLWithPath: "\(site.cache)/markdown.bin"))
        try Data([0, 1, 2]).write(to: URL(fileURLWithPath: "\(site.cache)/parses.bin"))
        try site.buildAndCompare()
        try FileManager.default.removeItem(atPath: site.cache)
        try site.buildAndCompare()
        try site.buildAndCompare()
    }

    /// The memos are read record by record while the build goes on: a record whose bytes are
    /// damaged (its file's index intact) is a miss found only when it is read, the item's
    /// Markdown rendered, its file parsed again then, and the output still that of a clean build.
    @Test func aDamagedRecordIsAMissFoundWhenItIsRead() throws {
        let site = try Site()
        try site.buildAndCompare()
        for (file, name) in [(MarkdownMemoFile.file, "markdown.bin"), (ParseMemoFile.file, "parses.bin")] {
            let path = "\(site.cache)/\(name)"
            let places = try #require(file.read(path)).places.values.filter { $0.length > 0 }
            #expect(places.count >= 5)
            var data = try Data(contentsOf: URL(fileURLWithPath: path))
            for place in places { data[place.offset + place.length / 2] ^= 0x55 }
            try data.write(to: URL(fileURLWithPath: path))
            #expect(try #require(file.read(path)).records.values.allSatisfy { $0.data == nil })
        }
        // Every page renders again, asking for every item's entry.
        try site.edit("Templates/partials/update.mustache") { $0 + "\n" }
        try site.buildAndCompare()
    }

    /// Every entry of `memo` with `marker` after its body.
    static func marking(_ memo: [StableHash: MemoizedEntry], with marker: String) -> [StableHash:
        MemoizedEntry]
    {
        memo.compactMapValues { memoized in
            guard var entry = memoized.entry else { return nil }
            entry.bodyHTML += marker
            return .rendered(entry)
        }
    }

    /// A command-line build reads the Markdown memo only once the parse records are let go;
    /// it still reads it: a memo doctored on disk shows on pages rendered again.
    @Test func theMarkdownMemoIsReadAfterValidation() throws {
        let site = try Site()
        try site.buildAndCompare()
        let marker = "<!-- from the memo -->"
        let doctored = Self.marking(MarkdownMemoFile.read(inCache: site.cache), with: marker)
        #expect(!doctored.isEmpty)
        MarkdownMemoFile.write(doctored, to: "\(site.cache)/markdown.bin")
        try site.edit("Templates/event.mustache") { $0 + "\n" }
        _ = try SiteBuilder.build(site.options(), fileSystem: LocalFileSystem(), useCache: true)
        let page = try String(
            contentsOfFile: "\(site.output)/incidents/2025-08-14-cluster-a-interruption/index.html",
            encoding: .utf8)
        #expect(page.contains(marker))
    }

    @Test func unchangedFilesComeFromTheirParseRecordsWithTheirWarnings() throws {
        let site = try Site()
        try site.edit(Self.incident) {
            $0.replacingOccurrences(
                of: "questions:\n", with: "questions:\n  - q: Is this answered yet?\n    a: \"\"\n")
        }
        // A post with nothing to summarise it: its parse gives the warning, its record keeps it.
        try "---\ntitle: Bare\ndate: 2025-10-01\n---\n## Only a heading\n".write(
            toFile: "\(site.root)/Content/blog/2025-10-01-bare.md", atomically: true, encoding: .utf8)
        let first = try site.buildAndCompare()
        #expect(first.warnings.contains { $0.message == "the answer to this question is empty" })
        let parsesPath = "\(site.cache)/parses.bin"
        let stored = ParseMemoFile.read(inCache: site.cache)
        // Every incident, maintenance and post file (not the incident templates under templates/).
        let contentFiles = RepositoryPaths.files(in: "\(site.root)/Content").filter {
            $0.hasSuffix(".md") && !$0.hasPrefix("templates/")
        }
        #expect(stored.count == contentFiles.count)
        let uncached = try SiteBuilder.build(
            site.options(), fileSystem: LocalFileSystem(), useCache: false)

        // An edit: that file is parsed again (its new text shows), the others come from their
        // records, and the warnings are those of a build without a cache, at the same places.
        try site.edit(Self.incident) { $0 + "\nA sentence only the new parse has.\n" }
        let edited = try site.buildAndCompare()
        #expect(edited.warnings == uncached.warnings)
        #expect(edited.warnings.contains { $0.message.hasPrefix("this post has no `summary`") })
        let page = try String(
            contentsOfFile: "\(site.output)/incidents/2025-10-06-cluster-a-email/index.html", encoding: .utf8)
        #expect(page.contains("A sentence only the new parse has."))
        let after = ParseMemoFile.read(inCache: site.cache)
        #expect(after.count == stored.count)
        #expect(Set(after.keys).subtracting(stored.keys).count == 1)
        #expect(after.filter { stored[$0.key] != nil }.allSatisfy { stored[$0.key] == $0.value })

        // Records that pass the file's checksum but do not read back are misses, parsed again.
        let damaged = after.mapValues { MemoRecord.bytes(($0.data ?? Data()).dropLast()) }
        ParseMemoFile.write(damaged, to: parsesPath)
        try site.edit(Self.incident) { $0 + "\nAnother.\n" }
        let repaired = try site.buildAndCompare()
        #expect(repaired.warnings == uncached.warnings)
        let rewritten = ParseMemoFile.read(inCache: site.cache)
        #expect(rewritten.count == stored.count && rewritten.values.allSatisfy { $0.data?.isEmpty == false })
        #expect(Set(rewritten.keys).intersection(after.keys).count == stored.count - 1)
    }

    @Test func memosAreRewrittenOnceTheyDriftPastOneThirtySecond() {
        let stored = Dictionary(uniqueKeysWithValues: (0..<64).map { (StableHash.of("\($0)"), "v\($0)") })
        var oneEdit = stored
        oneEdit[StableHash.of("0")] = nil
        oneEdit[StableHash.of("edited")] = "new"
        var twoEdits = oneEdit
        twoEdits[StableHash.of("1")] = nil
        var changedValue = stored
        changedValue[StableHash.of("2")] = "other"
        changedValue[StableHash.of("3")] = "other"
        #expect(!BuildCache.hasDrifted(stored, used: stored))
        #expect(!BuildCache.hasDrifted(stored, used: oneEdit), "one miss and one unused record of 64")
        #expect(BuildCache.hasDrifted(stored, used: twoEdits))
        #expect(
            BuildCache.hasDrifted(stored, used: changedValue), "a record that did not read back is a miss")
        #expect(BuildCache.hasDrifted([:], used: [StableHash.of("x"): "y"]))
    }

    /// `serve` hands each build's cache to the next in memory: the same bytes as from the files.
    @Test func buildsFromTheWarmCacheGiveTheSameBytes() throws {
        let site = try Site()
        #expect(try site.buildAndCompare().warm == nil, "a command-line build keeps nothing")
        var warm = try #require(try site.buildAndCompare(keepsWarm: true).warm)
        let edits: [(String, (String) -> String)] = [
            // Raw HTML, which renders otherwise once `unsafe_html` changes below (in an incident
            // whose pages show its file's item, so that its rendered entry is kept meanwhile).
            (
                "Content/incidents/2025-08-14-cluster-a-interruption.md",
                { $0 + "\nOne more sentence about <kbd>the fix</kbd>.\n" }
            ),
            (Self.incident, { $0 + "\nOne more sentence.\n" }),
            (
                "Templates/partials/update.mustache",
                { $0.replacingOccurrences(of: "From this update", with: "Since then") }
            ),
            (
                "Content/site.yml",
                { $0.replacingOccurrences(of: "title: Example Mail Status", with: "title: Mail Status") }
            ),
            // Markdown rendered with other options: no entry rendered before is taken.
            (
                "Content/site.yml",
                { $0.replacingOccurrences(of: "unsafe_html: false", with: "unsafe_html: true") }
            ),
            // A link to a post that is not there: warned of, and still once another file changes.
            (Self.incident, { $0 + "\nSee [the review](../../blog/2025-10-01-review/).\n" }),
            ("Content/blog/2025-08-05-introducing-the-status-site.md", { $0 + "\nOne more line.\n" }),
        ]
        for (file, change) in edits {
            try site.edit(file, change)
            warm = try #require(try site.buildAndCompare(warm: warm, keepsWarm: true).warm)
            // It holds what the cache files hold.
            let parses = ParseMemoFile.read(inCache: site.cache)
            #expect(warm.parses == parses)
            #expect(warm.markdown == MarkdownMemoFile.read(inCache: site.cache))
            #expect(Set(warm.documents.keys) == Set(parses.keys))
        }
        #expect(
            try site.buildAndCompare(warm: warm, keepsWarm: true).warnings.contains {
                $0.message.contains("blog/2025-10-01-review/")
            })
        // The post linked to appears: the site links to other targets, so every page's links
        // are checked again, and the warning is gone.
        try "---\ntitle: Review\ndate: 2025-10-01\nsummary: What happened.\n---\nText.\n".write(
            toFile: "\(site.root)/Content/blog/2025-10-01-review.md", atomically: true, encoding: .utf8)
        let withPost = try site.buildAndCompare(warm: warm, keepsWarm: true)
        #expect(!withPost.warnings.contains { $0.message.contains("blog/2025-10-01-review/") })
        warm = try #require(withPost.warm)
        try FileManager.default.removeItem(atPath: "\(site.output)/blog")
        warm = try #require(try site.buildAndCompare(warm: warm, keepsWarm: true).warm)
        warm = try #require(
            try site.buildAndCompare(now: Self.now.addingTimeInterval(600), warm: warm, keepsWarm: true).warm)

        // A serve that starts on an unchanged output reads its warm cache from the files. (By a
        // clock an hour on, so the files just edited are not racy and the builds are recorded.)
        var later = site.options(now: Self.now.addingTimeInterval(900))
        later.clock = { Date().addingTimeInterval(3600) }
        // Twice: the second build's previous state is the first one's, as the third build's is.
        for _ in 0..<2 { _ = try SiteBuilder.build(later, fileSystem: LocalFileSystem(), useCache: true) }
        let restarted = try SiteBuilder.build(
            later, fileSystem: LocalFileSystem(), useCache: true, keepsWarm: true)
        #expect(restarted.reusedOutput)
        let read = try #require(restarted.warm)
        let stored = ParseMemoFile.read(inCache: site.cache)
        #expect(read.parses == stored && Set(read.documents.keys) == Set(stored.keys))

        // The Markdown memo the warm builds left holds the entry of every item a build from the
        // files looks up, the one edited meanwhile too: with every entry in the file doctored,
        // every incident page shows it once the theme makes them all render again.
        try site.edit(Self.incident, { $0 + "\nAnd one more.\n" })
        warm = try #require(
            try site.buildAndCompare(now: Self.now.addingTimeInterval(700), warm: warm, keepsWarm: true).warm)
        let memoPath = "\(site.cache)/markdown.bin"
        let left = MarkdownMemoFile.read(inCache: site.cache)
        #expect(left.count >= 5)
        let marker = "<!-- from the memo file -->"
        MarkdownMemoFile.write(Self.marking(left, with: marker), to: memoPath)
        try site.edit("Templates/partials/update.mustache") { $0 + "\n" }
        _ = try SiteBuilder.build(
            site.options(now: Self.now.addingTimeInterval(800)), fileSystem: LocalFileSystem(), useCache: true
        )
        // (All but the ongoing incident's: its later updates are not published yet, so what the
        // pages show of it is not its file's item, and it is rendered on every build.)
        let itemPages = RepositoryPaths.files(in: site.output).filter { path in
            let parts = path.split(separator: "/")
            return parts.count == 3 && ["incidents", "maintenance", "blog"].contains(parts[0])
                && parts[1].first?.isNumber == true && parts[2] == "index.html"
                && parts[1] != "2025-10-06-cluster-a-email"
        }
        #expect(itemPages.count == left.count, "\(itemPages)")
        for path in itemPages {
            let page = try String(contentsOfFile: "\(site.output)/\(path)", encoding: .utf8)
            #expect(page.contains(marker), "\(path) rendered anew")
        }
        MarkdownMemoFile.write(left, to: memoPath)

        // Rendered Markdown comes from memory for an item made from the same source: a doctored
        // entry shows on its page once that renders.
        let doctoredSlug = "2025-08-14-cluster-a-interruption"
        let original = try String(
            contentsOfFile: "\(site.output)/incidents/\(doctoredSlug)/index.html", encoding: .utf8)
        let doctored = try #require(
            warm.markdown.first {
                guard let body = $0.value.entry?.bodyHTML else { return false }
                return original.contains(body) && body.count > 200
            })
        var entry = try #require(doctored.value.entry)
        entry.bodyHTML = "<p>Doctored Markdown</p>"
        warm.markdown[doctored.key] = .rendered(entry)
        // A theme edit, so that every page renders again (the page's inputs are unchanged).
        try site.edit("Templates/partials/update.mustache") { $0 + "\n" }
        /// The incident page `slug` after a build from `warm`, `seconds` after `now`.
        func page(_ slug: String, afterBuildingAt seconds: TimeInterval) throws -> String {
            _ = try SiteBuilder.build(
                site.options(now: Self.now.addingTimeInterval(seconds)), fileSystem: LocalFileSystem(),
                useCache: true, warm: warm)
            return try String(contentsOfFile: "\(site.output)/incidents/\(slug)/index.html", encoding: .utf8)
        }
        #expect(try page(doctoredSlug, afterBuildingAt: 1100).contains("Doctored Markdown"))

        // The documents come from memory, not from the records: a doctored one shows.
        for (key, var document) in warm.documents {
            guard case .incident(var incident) = document.item, incident.slug == "2025-10-06-cluster-a-email"
            else { continue }
            incident.title = "Doctored in memory"
            document.item = .incident(incident)
            warm.documents[key] = document
        }
        #expect(try page("2025-10-06-cluster-a-email", afterBuildingAt: 1200).contains("Doctored in memory"))
    }

    /// `serve` fills the spare tree with links to the new output (`SiteBuilder.fillSpare`, once
    /// pages have reloaded) after a first build and after one that wrote most of the site, so
    /// the next save links nothing it need not; the output's identities are recorded as they are
    /// after linking, so the next build keeps every unchanged page.
    @Test func serveFillsTheSpareTreeAfterABuildThatWroteMostOfTheSite() throws {
        let site = try Site()
        func inode(_ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        }
        func published() -> [String] { RepositoryPaths.files(in: site.output).filter { !$0.hasPrefix(".") } }
        /// Fills the spare tree as `serve` does and checks that it holds the output's files.
        func filled(_ warm: WarmCache?) throws -> WarmCache {
            let warm = try #require(warm)
            #expect(warm.spareNeedsFilling)
            let filled = SiteBuilder.fillSpare(warm, outputDirectory: site.output)
            #expect(!filled.spareNeedsFilling)
            for path in published() {
                #expect(try inode("\(site.cache)/site/\(path)") == inode("\(site.output)/\(path)"), "\(path)")
            }
            return filled
        }
        let first = try filled(try site.buildAndCompare(keepsWarm: true).warm)
        #expect(published().count > 50)
        try site.edit(Self.incident) { $0 + "\nOne more sentence.\n" }
        let edited = try site.buildAndCompare(warm: first, keepsWarm: true)
        #expect(
            edited.written > 0 && edited.written < published().count / 4, "\(edited.written) files written")
        #expect(edited.warm?.spareNeedsFilling == false)
        // A change to the theme rewrites every page: the spare then holds their older versions.
        try site.edit("Templates/layout.mustache") { $0 + "\n<!-- theme changed -->\n" }
        let themed = try filled(try site.buildAndCompare(warm: edited.warm, keepsWarm: true).warm)
        try site.edit(Self.incident) { $0 + "\nAnd one more.\n" }
        let next = try site.buildAndCompare(warm: themed, keepsWarm: true)
        #expect(next.written > 0 && next.written < published().count / 4, "\(next.written) files written")
    }

    @Test func outputChangedBehindHeraldsBackIsRepaired() throws {
        let site = try Site()
        try site.buildAndCompare()
        try site.buildAndCompare()
        try "tampered".write(toFile: "\(site.output)/\(Self.post)", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: "\(site.output)/history/index.html")
        try site.buildAndCompare()
        // A file added by hand is not Herald's to remove: the build stops before writing.
        try "extra".write(toFile: "\(site.output)/blog/extra.html", atomically: false, encoding: .utf8)
        let before = HeraldProcess.snapshot(of: site.output)
        #expect(throws: OutputOwnership.Refusal.self) {
            _ = try SiteBuilder.build(site.options(), fileSystem: LocalFileSystem(), useCache: true)
        }
        #expect(HeraldProcess.snapshot(of: site.output) == before)
        try FileManager.default.removeItem(atPath: "\(site.output)/blog/extra.html")
        try site.buildAndCompare()
        try "stray".write(toFile: "\(site.cache)/site/stray.html", atomically: false, encoding: .utf8)
        try site.edit(Self.incident) { $0 + "\nEdited.\n" }
        try site.buildAndCompare()
    }

    @Test func hiddenEntriesOfTheOutputStay() throws {
        let site = try Site()
        try site.buildAndCompare()
        try FileManager.default.createDirectory(
            atPath: "\(site.output)/.git", withIntermediateDirectories: true)
        try "ref".write(toFile: "\(site.output)/.git/HEAD", atomically: false, encoding: .utf8)
        try site.edit(Self.incident) { $0 + "\nEdited.\n" }
        try site.buildAndCompare()
        try site.edit(Self.incident) { $0 + "\nEdited again.\n" }
        try site.buildAndCompare()
        #expect(try String(contentsOfFile: "\(site.output)/.git/HEAD", encoding: .utf8) == "ref")
    }

    /// Pages are written into the spare tree as they are rendered: never into an inode the live
    /// output shares, and a file where a page's folder should be falls back to publishing.
    @Test func pagesStoredWhileRenderingNeverTouchTheLiveOutput() throws {
        let site = try Site()
        try site.buildAndCompare()
        try site.edit(Self.incident) { $0 + "\nFirst edit.\n" }
        try site.buildAndCompare()
        let page = "incidents/2025-10-06-cluster-a-email/index.html"
        let witness = "\(site.root)/witness.html"
        #expect(link("\(site.output)/\(page)", witness) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: witness))
        try site.edit(Self.incident) { $0 + "\nSecond edit.\n" }
        try site.buildAndCompare()
        #expect(try Data(contentsOf: URL(fileURLWithPath: witness)) == before)

        let spareFolder = "\(site.cache)/site/incidents/2025-10-06-cluster-a-email"
        try FileManager.default.removeItem(atPath: spareFolder)
        try "in the way".write(toFile: spareFolder, atomically: false, encoding: .utf8)
        try site.edit(Self.incident) { $0 + "\nThird edit.\n" }
        let built = try site.buildAndCompare()
        #expect(built.written > 0)
    }

    @Test func foldersHoldingFiles() {
        #expect(
            SpareTreePublisher.folders(holding: ["index.html", "a/b/c.html", "a/d.html", "e/f/g/h.xml"])
                == ["a", "a/b", "e", "e/f", "e/f/g"])
        #expect(SpareTreePublisher.folders(holding: []).isEmpty)
    }

    /// A template that includes itself is an error at its file, and the output stays as it was.
    @Test func selfIncludingPartialIsAnErrorNotACrash() throws {
        let site = try Site()
        try site.buildAndCompare()
        let before = RepositoryPaths.files(in: site.output)
        try site.edit("Templates/partials/badge.mustache") { $0 + "{{> partials/badge}}\n" }
        for useCache in [true, false] {
            #expect {
                try SiteBuilder.build(site.options(), fileSystem: LocalFileSystem(), useCache: useCache)
            } throws: { error in
                let message = (error as? ContentErrors)?.diagnostics.first?.description ?? ""
                return message.hasPrefix(
                    "\(site.root)/Templates/partials/badge.mustache:1:1: error: templates nest")
                    || message.hasPrefix("Templates/partials/badge.mustache:1:1: error: templates nest")
            }
        }
        #expect(RepositoryPaths.files(in: site.output) == before)
    }
}
