import Foundation
import Testing

@testable import HeraldAuthoring
@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldRender
@testable import HeraldTestSupport

@Suite struct SiteInitializerTests {
    private let now = AuthoringFixture.time("2025-10-06T19:00:00Z")

    private func initialize(_ directory: String, force: Bool = false) throws -> [String] {
        try SiteInitializer(fileSystem: LocalFileSystem(), writer: LocalFileSystem())
            .initialize(directory, now: now, force: force)
    }

    @Test func theNewSiteBuildsWithoutErrorsOrWarnings() throws {
        let directory = try RepositoryPaths.temporaryDirectory() + "/new-site"
        let written = try initialize(directory)
        #expect(written.contains("\(directory)/Content/site.yml"))
        #expect(written.contains("\(directory)/Templates/layout.mustache"))
        let rendered = try SiteBuilder.render(
            BuildOptions(siteRoot: directory, now: now), fileSystem: LocalFileSystem())
        #expect(rendered.warnings == [])
        #expect(rendered.site.incidents.count == 1)
        #expect(rendered.site.maintenances.count == 1)
        #expect(rendered.site.posts.count == 1)
        #expect(rendered.files.contains { $0.path == "index.html" })
        #expect(written.contains("\(directory)/Content/templates/incident/mail-outage.md"))
        #expect(written.contains("\(directory)/Content/templates/maintenance/planned-upgrade.md"))
        #expect(written.contains("\(directory)/Content/templates/postmortem.md"))
    }

    /// `herald init` ships the example site's prepared texts, byte for byte.
    @Test func theScaffoldsTemplatesAreTheExampleSites() throws {
        #expect(SiteScaffold.templates.count == 3)
        for (path, text) in SiteScaffold.templates {
            let disk = try String(contentsOfFile: "\(RepositoryPaths.root)/\(path)", encoding: .utf8)
            #expect(disk == text, "\(path) differs from SiteScaffold+Templates.swift")
        }
    }

    @Test func refusesAFolderThatIsNotEmptyUnlessForced() throws {
        let directory = try RepositoryPaths.temporaryDirectory()
        let mine = "\(directory)/notes.txt"
        try Data("mine".utf8).write(to: URL(fileURLWithPath: mine))
        #expect(throws: SiteInitializer.Failure.self) { try initialize(directory) }
        #expect(RepositoryPaths.files(in: directory) == ["notes.txt"])

        try Data("title: old".utf8).write(to: URL(fileURLWithPath: "\(directory)/.gitignore"))
        _ = try initialize(directory, force: true)
        #expect(try String(contentsOfFile: mine, encoding: .utf8) == "mine")
        #expect(
            try String(contentsOfFile: "\(directory)/.gitignore", encoding: .utf8)
                == "/Output/\n/.Output.herald-*\n/.herald/\n")
        #expect(FileManager.default.fileExists(atPath: "\(directory)/Content/site.yml"))
    }
}

/// The templates inside the binary must be the ones in Templates/.
@Suite struct DefaultTemplatesTests {
    @Test func embeddedTemplatesMatchTheTemplatesFolder() throws {
        let folder = "\(RepositoryPaths.root)/Templates"
        let onDisk = RepositoryPaths.files(in: folder).filter {
            !$0.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        let embedded = DefaultTemplates.all.map(\.path)
        #expect(embedded == onDisk, "run Scripts/embed-templates after changing Templates/")
        for (path, data) in DefaultTemplates.all {
            let disk = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(path)"))
            #expect(disk == data, "\(path) differs from its embedded copy: run Scripts/embed-templates")
        }
    }
}
