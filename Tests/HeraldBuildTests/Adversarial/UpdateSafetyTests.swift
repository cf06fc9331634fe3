import Foundation
import Synchronization
import Testing

@testable import HeraldAuthoring
@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldTestSupport

/// `herald update` never overwrites an edit it did not see and never turns a link into a copy.
@Suite struct UpdateSafetyTests {
    static let incident = "Content/incidents/2025-10-06-cluster-a-email.md"
    static let now = Timestamp.parse("2025-10-06T19:10:00Z")!

    @discardableResult
    static func update(_ site: String, fileSystem: any FileSystem = LocalFileSystem()) throws
        -> TimelineUpdater.Outcome
    {
        let authoring = AuthoringSite(options: BuildOptions(siteRoot: site, now: now), fileSystem: fileSystem)
        return try TimelineUpdater(site: authoring, writer: LocalFileSystem()).update(
            .init(
                slug: "cluster-a-email", status: "monitoring", message: "Watching it.", resolve: false,
                now: now))
    }

    /// Reads like the disk, except that once `update` has read the incident (the loader reads
    /// it first, then the updater), the next read of another file, by the validation of the
    /// edited site, comes with an editor's save of the incident.
    final class EditorSavesDuringValidation: DiskWrapper {
        let base = LocalFileSystem()
        let path: String
        let edit: String
        private let incidentReads = Mutex(0)

        init(path: String, edit: String) {
            self.path = path
            self.edit = edit
        }

        func readFile(at path: String) throws -> Data {
            let reads = incidentReads.withLock { count in
                if path.hasSuffix(UpdateSafetyTests.incident) { count += 1 }
                return count
            }
            if reads == 2 && !path.hasSuffix(UpdateSafetyTests.incident) {
                incidentReads.withLock { $0 += 1 }
                try edit.write(toFile: self.path, atomically: false, encoding: .utf8)
            }
            return try base.readFile(at: path)
        }
    }

    @Test func anEditorSaveDuringValidationIsNeverOverwritten() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let path = "\(site)/\(Self.incident)"
        let saved = try String(contentsOfFile: path, encoding: .utf8) + "\nThe editor's last sentence.\n"
        #expect {
            try Self.update(site, fileSystem: EditorSavesDuringValidation(path: path, edit: saved))
        } throws: { error in
            "\(error)".hasSuffix("changed while updating, so nothing was written; run the command again")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == saved)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(site)/Content/incidents")
            .filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    /// The check itself, as the last step before the rename.
    @Test func aReplacementExpectingOtherBytesWritesNothing() throws {
        let folder = try RepositoryPaths.temporaryDirectory()
        let path = "\(folder)/file.md"
        try "saved by the editor".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: ContentChanged.self) {
            try LocalFileSystem().replaceFile(
                at: path, contents: Data("herald's".utf8), replacing: Data("what herald read".utf8))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "saved by the editor")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["file.md"])
        try LocalFileSystem().replaceFile(
            at: path, contents: Data("herald's".utf8), replacing: Data("saved by the editor".utf8))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "herald's")
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetGetsTheUpdate() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let path = "\(site)/\(Self.incident)"
        let target = "\(site)/elsewhere.md"
        try FileManager.default.moveItem(atPath: path, toPath: target)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        try Self.update(site)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("Watching it."))
    }

    @Test func everyHardLinkSeesTheUpdate() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let path = "\(site)/\(Self.incident)"
        let other = "\(site)/other-name.md"
        try FileManager.default.linkItem(atPath: path, toPath: other)
        try Self.update(site)
        #expect(try String(contentsOfFile: other, encoding: .utf8).contains("Watching it."))
        #expect(
            try String(contentsOfFile: path, encoding: .utf8)
                == String(contentsOfFile: other, encoding: .utf8))
    }

    @Test func modeOwnerAndGroupAreKept() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let path = "\(site)/\(Self.incident)"
        var attributes: [FileAttributeKey: Any] = [.posixPermissions: 0o640]
        if geteuid() == 0 {
            attributes[.ownerAccountID] = 1234
            attributes[.groupOwnerAccountID] = 4321
        }
        try FileManager.default.setAttributes(attributes, ofItemAtPath: path)
        try Self.update(site)
        let after = try FileManager.default.attributesOfItem(atPath: path)
        #expect((after[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        if geteuid() == 0 {
            #expect((after[.ownerAccountID] as? NSNumber)?.intValue == 1234)
            #expect((after[.groupOwnerAccountID] as? NSNumber)?.intValue == 4321)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Watching it."))
    }
}
