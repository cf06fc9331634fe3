import Foundation
import Synchronization
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldLoad
@testable import HeraldTestSupport

/// A cached build identifies content files by `stat` and reads only those whose identity is not
/// the one recorded (`files.bin`); whatever becomes of the files or the cache, the output is a
/// clean build's.
@Suite struct KnownFilesTests {
    /// The real disk, noting which content files are read.
    struct NotingDisk: DiskWrapper {
        final class Reads: Sendable {
            let paths = Mutex<[String]>([])
        }

        let base = LocalFileSystem()
        let reads = Reads()

        var isStatable: Bool { true }
        func readFile(at path: String) throws -> Data {
            if path.hasSuffix(".md") {
                reads.paths.withLock {
                    $0.append(path.split(separator: "/").suffix(2).joined(separator: "/"))
                }
            }
            return try base.readFile(at: path)
        }

        /// The content files read since the last call, sorted, each once.
        func takeReads() -> [String] {
            reads.paths.withLock { reads in
                defer { reads = [] }
                return Set(reads).sorted()
            }
        }
    }

    static let incident = "incidents/2025-10-06-cluster-a-email.md"

    /// The site's incident, maintenance and post files, as `NotingDisk` names them.
    static func documents(in site: BuildCacheTests.Site) -> [String] {
        RepositoryPaths.files(in: "\(site.root)/Content").filter {
            $0.hasSuffix(".md") && ["incidents/", "maintenance/", "blog/"].contains(where: $0.hasPrefix)
        }.sorted()
    }
    /// An hour from now by the injected clock: no file is modified too recently to be recorded.
    static let later: @Sendable () -> Date = { Date().addingTimeInterval(3600) }

    @Test func onlyFilesWhoseIdentityChangedAreReadAgain() throws {
        let site = try BuildCacheTests.Site()
        let disk = NotingDisk()
        let all = Self.documents(in: site)
        try site.buildAndCompare(fileSystem: disk, clock: Self.later)
        #expect(disk.takeReads() == all)
        #expect(
            KnownFilesFile.decode(try Data(contentsOf: URL(fileURLWithPath: "\(site.cache)/files.bin"))).count
                == all.count)

        try site.edit("Content/\(Self.incident)") { $0 + "\nOne more sentence.\n" }
        try site.buildAndCompare(fileSystem: disk, clock: Self.later)
        #expect(disk.takeReads() == [Self.incident], "the edited file only")

        // Written again with the same bytes: a new identity, so read (and its record still fits).
        try site.edit("Content/\(Self.incident)") { $0 }
        try site.edit("Content/site.yml") { $0 + "\n" }
        try site.buildAndCompare(fileSystem: disk, clock: Self.later)
        #expect(disk.takeReads() == [Self.incident])
    }

    /// Unread files whose record cannot stand for them any more are read after all.
    @Test func unreadFilesWithoutARecordAreReadAfterAll() throws {
        let site = try BuildCacheTests.Site()
        let disk = NotingDisk()
        let all = Self.documents(in: site)
        try site.buildAndCompare(fileSystem: disk, clock: Self.later)
        _ = disk.takeReads()

        // What every parse reads changes (the zone blog dates without a time are in).
        try site.edit("Content/site.yml") {
            $0.replacingOccurrences(of: "timezone: America/Toronto", with: "timezone: Europe/Berlin")
        }
        try site.buildAndCompare(fileSystem: disk, clock: Self.later)
        #expect(disk.takeReads() == all)

        try site.edit("Content/\(Self.incident)") { $0 + "\nOne more sentence.\n" }
        try FileManager.default.removeItem(atPath: "\(site.cache)/parses.bin")
        try site.buildAndCompare(fileSystem: disk, clock: Self.later)
        #expect(disk.takeReads() == all, "the records are gone")

        try Data("garbled".utf8).write(to: URL(fileURLWithPath: "\(site.cache)/files.bin"))
        try site.edit("Content/\(Self.incident)") { $0 + "\nAnd another.\n" }
        try site.buildAndCompare(fileSystem: disk, clock: Self.later)
        #expect(disk.takeReads() == all, "nothing is known")
    }

    /// Files modified less than two seconds before a build (by its clock) are not recorded: a
    /// further edit within the file system's timestamp resolution could keep their identity.
    @Test func filesModifiedJustBeforeTheBuildAreNotRecorded() throws {
        let site = try BuildCacheTests.Site()
        let disk = NotingDisk()
        try site.buildAndCompare(fileSystem: disk, clock: { Date() })
        let recorded = "\(site.cache)/files.bin"
        #expect(
            (try? Data(contentsOf: URL(fileURLWithPath: recorded))).map(KnownFilesFile.decode)?.isEmpty
                ?? true)
        _ = disk.takeReads()
        try site.edit("Content/\(Self.incident)") { $0 + "\nOne more sentence.\n" }
        try site.buildAndCompare(fileSystem: disk, clock: { Date() })
        #expect(disk.takeReads().count > 1)
    }

    /// The load takes a file's identity from the walk of the fingerprint when it has one, so the
    /// build uses the files as its fingerprint identified them; a file the walk did not see is
    /// identified (`stat`) by the load itself.
    @Test func theLoadTakesIdentitiesFromTheFingerprintsWalk() throws {
        let site = try BuildCacheTests.Site()
        let content = "\(site.root)/Content"
        let path = "\(content)/\(Self.incident)"
        let displayPath = "Content/\(Self.incident)"
        let resolved = try #require(FileIdentity.resolving(path))
        let known = [displayPath: KnownFile(identity: resolved.identity, digest: StableHash.of("recorded"))]
        try site.edit("Content/\(Self.incident)") { $0 + "\nEdited after the walk.\n" }
        let loader = ContentLoader(fileSystem: NotingDisk())
        /// Whether the load left the incident unread (its identity the known one).
        func leftUnread(identified: [String: ResolvedFile]) throws -> Bool {
            let loaded = try loader.load(
                contentDirectory: content, displayRoot: site.root, known: known, identified: identified)
            return try #require(loaded.files.first { $0.path == displayPath }).isUnread
        }
        let fingerprint = try #require(InputFingerprint(site.options(), startedAt: Self.later()))
        #expect(fingerprint.contentFiles[path] != nil, "the loader's name for the file")
        #expect(try leftUnread(identified: [path: resolved]))
        #expect(try !leftUnread(identified: [:]))
        #expect(try !leftUnread(identified: fingerprint.contentFiles))
    }
}
