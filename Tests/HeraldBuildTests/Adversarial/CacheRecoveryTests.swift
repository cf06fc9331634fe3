import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldTestSupport

/// Whatever is wrong with the build cache, a build discards it and publishes the bytes of a
/// clean build; it never follows a link found there, and never carries forward an output file
/// that is no longer the one Herald wrote.
@Suite struct CacheRecoveryTests {
    static let now = GoldenSiteTests.now

    enum Damage: String, CaseIterable, Sendable {
        case spareIsAFile, spareIsALinkToAFolder, cacheIsAFile, cacheIsALinkToAFolder, spareIsUnreadable
    }

    /// A folder of someone else's that a link in the cache points to.
    static func bystander() throws -> (path: String, files: [String: Data]) {
        let path = try RepositoryPaths.temporaryDirectory()
        try "precious".write(toFile: "\(path)/index.html", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(
            atPath: "\(path)/incidents", withIntermediateDirectories: true)
        try "also".write(toFile: "\(path)/incidents/notes.txt", atomically: false, encoding: .utf8)
        return (path, HeraldProcess.snapshot(of: path))
    }

    static func damage(_ cache: String, _ damage: Damage, pointingAt folder: String) throws {
        let manager = FileManager.default
        switch damage {
        case .spareIsAFile:
            try manager.removeItem(atPath: "\(cache)/site")
            try "not a folder".write(toFile: "\(cache)/site", atomically: false, encoding: .utf8)
        case .spareIsALinkToAFolder:
            try manager.removeItem(atPath: "\(cache)/site")
            try manager.createSymbolicLink(atPath: "\(cache)/site", withDestinationPath: folder)
        case .cacheIsAFile:
            try manager.removeItem(atPath: cache)
            try "not a folder".write(toFile: cache, atomically: false, encoding: .utf8)
        case .cacheIsALinkToAFolder:
            try manager.removeItem(atPath: cache)
            try manager.createSymbolicLink(atPath: cache, withDestinationPath: folder)
        case .spareIsUnreadable:
            try manager.setAttributes([.posixPermissions: 0], ofItemAtPath: "\(cache)/site")
        }
    }

    @Test(arguments: Damage.allCases)
    func aDamagedCacheGivesCleanBuildBytes(_ kind: Damage) throws {
        let site = try BuildCacheTests.Site()
        try site.buildAndCompare()
        try site.edit(BuildCacheTests.incident) { $0 + "\nEdited.\n" }
        try site.buildAndCompare()
        let bystander = try Self.bystander()
        try Self.damage(site.cache, kind, pointingAt: bystander.path)
        try site.edit(BuildCacheTests.incident) { $0 + "\nEdited again.\n" }
        try site.buildAndCompare()
        try site.buildAndCompare()
        #expect(HeraldProcess.snapshot(of: bystander.path) == bystander.files)
        #expect(RegularFile.kind(site.cache) == .directory)
    }

    /// A link planted deep inside the spare tree, where pages are written as they render: no
    /// page may be written through it into the folder it points at.
    @Test func aLinkInsideTheSpareTreeIsNeverWrittenThrough() throws {
        let site = try BuildCacheTests.Site()
        try site.buildAndCompare()
        try site.edit(BuildCacheTests.incident) { $0 + "\nEdited.\n" }
        try site.buildAndCompare()
        let bystander = try Self.bystander()
        let planted = "\(site.cache)/site/incidents"
        try FileManager.default.removeItem(atPath: planted)
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: bystander.path)
        try site.edit(BuildCacheTests.incident) { $0 + "\nEdited again.\n" }
        try site.buildAndCompare()
        try site.buildAndCompare()
        #expect(HeraldProcess.snapshot(of: bystander.path) == bystander.files)
    }

    /// An edit that keeps the size and sets the old modification time back (`touch -r`) was
    /// answered with "output reused"; the change time gives it away.
    @Test func anEditWithItsModificationTimeRestoredIsSeen() throws {
        let site = try NoChangeFastPathTests.Site()
        try site.buildUntilReused()
        let path = "\(site.root)/\(BuildCacheTests.incident)"
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(
            of: "Cluster A email service issues", with: "Cluster A email service ISSUES"
        )
        .write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified as Any], ofItemAtPath: path)
        let built = try site.build(reused: false)
        #expect(built.written > 0)
    }

    /// An output file edited in place, size and modification time kept: it was trusted and
    /// hard-linked into the cache; now it is rendered again and the edit goes nowhere.
    @Test func anOutputFileEditedInPlaceIsNotCarriedForward() throws {
        let site = try BuildCacheTests.Site()
        try site.buildAndCompare()
        try site.buildAndCompare()
        let path = "\(site.output)/\(BuildCacheTests.post)"
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        var edited = original
        edited[edited.count / 2] = UInt8(ascii: "#")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: edited)
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: modified as Any], ofItemAtPath: path)
        try site.edit(BuildCacheTests.incident) { $0 + "\nEdited.\n" }
        try site.buildAndCompare()
        try site.edit(BuildCacheTests.incident) { $0 + "\nEdited again.\n" }
        try site.buildAndCompare()
        let spare = try? Data(contentsOf: URL(fileURLWithPath: "\(site.cache)/site/\(BuildCacheTests.post)"))
        #expect(spare != edited)
    }
}

/// The build reads the real clock only through `BuildOptions.clock`.
@Suite struct InjectedClockTests {
    /// Files copied a moment ago are racy by the real clock, so the fast path is not recorded;
    /// an hour later by the injected clock they are not, and the third build reuses the output.
    @Test func theInjectedClockDecidesWhetherInputsAreRacy() throws {
        let site = try BuildCacheTests.Site()
        for (clock, reusedThirdTime) in [(Date(), false), (Date().addingTimeInterval(3600), true)] {
            try? FileManager.default.removeItem(atPath: site.output)
            try? FileManager.default.removeItem(atPath: site.cache)
            var options = site.options()
            options.clock = { clock }
            var reused: [Bool] = []
            for _ in 0..<3 {
                reused.append(
                    try SiteBuilder.build(options, fileSystem: LocalFileSystem(), useCache: true).reusedOutput
                )
            }
            #expect(reused == [false, false, reusedThirdTime])
        }
    }
}
