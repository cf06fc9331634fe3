import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldLoad
@testable import HeraldTestSupport

@Suite struct LoaderTests {
    private func load(_ files: [String: Data], root: String = "site") throws -> LoadedContent {
        var fileSystem = InMemoryFileSystem()
        fileSystem.files = files
        return try ContentLoader(fileSystem: fileSystem).load(
            contentDirectory: root + "/Content", displayRoot: root)
    }

    private func data(_ text: String) -> Data { Data(text.utf8) }

    @Test func readsSiteAndMarkdownSortedIgnoringOtherFiles() throws {
        let content = try load([
            "site/Content/site.yml": data("title: x"),
            "site/Content/incidents/b.md": data("b"),
            "site/Content/incidents/a.md": data("a"),
            "site/Content/incidents/.hidden.md": data("h"),
            "site/Content/incidents/notes.txt": data("n"),
            "site/Content/incidents/sub/c.md": data("c"),
            "site/Content/maintenance/m.md": data("m"),
            "site/Content/blog/p.md": data("p"),
            "site/Content/other/x.md": data("x"),
        ])
        #expect(content.diagnostics.isEmpty)
        #expect(
            content.files.map(\.path) == [
                "Content/site.yml", "Content/incidents/a.md", "Content/incidents/b.md",
                "Content/maintenance/m.md",
                "Content/blog/p.md",
            ])
        #expect(content.files.map(\.kind) == [.site, .incident, .incident, .maintenance, .post])
    }

    @Test func stripsBOMAndNormalisesLineEndings() throws {
        let content = try load([
            "site/Content/site.yml": Data([0xEF, 0xBB, 0xBF]) + data("title: x\r\nbase_url: y\r\n"),
            "site/Content/blog/p.md": data("---\rtitle: t\r---\r\nbody\r"),
        ])
        #expect(content.files[0].text == "title: x\nbase_url: y\n")
        #expect(content.files[1].text == "---\ntitle: t\n---\nbody\n")
    }

    @Test func nonUTF8FileIsADiagnosticAndOthersStillLoad() throws {
        let content = try load([
            "site/Content/site.yml": data("title: x"),
            "site/Content/incidents/bad.md": Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE]),
            "site/Content/incidents/good.md": data("ok"),
        ])
        #expect(content.files.map(\.path) == ["Content/site.yml", "Content/incidents/good.md"])
        #expect(
            content.diagnostics.map(\.description) == [
                "Content/incidents/bad.md:2:1: error: file is not valid UTF-8 text: byte 0xFF here cannot "
                    + "start or continue a character; save the file as UTF-8"
            ])
    }

    @Test func missingSiteYAMLIsADiagnostic() throws {
        let content = try load(["site/Content/incidents/a.md": data("a")])
        #expect(content.files.count == 1)
        #expect(content.diagnostics.count == 1)
        #expect(
            content.diagnostics[0].location == SourceLocation(path: "Content/site.yml", line: 1, column: 1))
        #expect(content.diagnostics[0].message.hasPrefix("missing site.yml"))
    }

    @Test func missingContentFolderThrows() {
        #expect(throws: ContentLoader.UnreadableFolder.self) {
            try load(["site/Other/site.yml": data("x")])
        }
    }

    @Test func pathsOutsideTheRootStayAsGiven() throws {
        let fileSystem = InMemoryFileSystem(files: ["/elsewhere/Content/site.yml": "title: x"])
        let content = try ContentLoader(fileSystem: fileSystem).load(
            contentDirectory: "/elsewhere/Content", displayRoot: "site")
        #expect(content.files.map(\.path) == ["/elsewhere/Content/site.yml"])
        #expect(relativePath(of: "./Content/", to: ".") == "Content")
        #expect(relativePath(of: "/s/Content", to: "/s/") == "Content")
    }

    @Test func worksOnTheRealDisk() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "herald-loader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Content/blog"), withIntermediateDirectories: true)
        try data("title: x").write(to: root.appendingPathComponent("Content/site.yml"))
        try data("---\ntitle: t\n---\n").write(to: root.appendingPathComponent("Content/blog/p.md"))
        let content = try ContentLoader(fileSystem: LocalFileSystem()).load(
            contentDirectory: root.path + "/Content", displayRoot: root.path)
        #expect(content.files.map(\.path) == ["Content/site.yml", "Content/blog/p.md"])
    }
}

@Suite struct LoadFrontMatterTests {
    @Test func splitsYAMLAndBodyWithLineNumbers() throws {
        let split = try FrontMatter.split("---\ntitle: x\nslug: y\n---\nBody\nmore\n").get()
        #expect(split.yaml == "title: x\nslug: y")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "Body\nmore\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func acceptsDotsAndTrailingSpacesOnDelimiters() throws {
        let split = try FrontMatter.split("---  \ntitle: x\n...\nBody").get()
        #expect(split.yaml == "title: x")
        #expect(split.body == "Body")
    }

    @Test func emptyBodyAndEmptyYAML() throws {
        let noBody = try FrontMatter.split("---\ntitle: x\n---").get()
        #expect(noBody.body == "")
        #expect(noBody.bodyFirstLine == 4)
        let noYAML = try FrontMatter.split("---\n---\n").get()
        #expect(noYAML.yaml == "")
        #expect(noYAML.bodyFirstLine == 3)
    }

    @Test func missingDelimiters() {
        #expect(FrontMatter.split("title: x\n---\n") == .failure(.missingOpening))
        #expect(FrontMatter.split("") == .failure(.missingOpening))
        #expect(FrontMatter.split("----\ntitle: x\n---") == .failure(.missingOpening))
        #expect(FrontMatter.split("---\ntitle: x\nBody") == .failure(.missingClosing))
    }

    @Test func crlfFilesSplitAfterLoading() throws {
        let text = try #require(SourceText.decode(Data("\u{FEFF}---\r\ntitle: x\r\n---\r\nBody\r\n".utf8)))
        let split = try FrontMatter.split(text).get()
        #expect(split.yaml == "title: x")
        #expect(split.body == "Body\n")
    }

    @Test func missingFrontMatterIsAnErrorAtOneOne() throws {
        let result = try Fixture.validate(replacing: [
            "Content/incidents/2025-08-14-cluster-a.md": "Just text\n"
        ])
        #expect(
            Fixture.errors(result) == [
                "Content/incidents/2025-08-14-cluster-a.md:1:1: error: missing front matter: the file must start "
                    + "with a `---` line, then YAML fields, then `---`"
            ])
        #expect(result.site == nil)
    }

    @Test func unclosedFrontMatterIsAnError() throws {
        let result = try Fixture.validate(replacing: [
            "Content/incidents/2025-08-14-cluster-a.md": "---\ntitle: x\nstarted: 2025-08-14T09:00:00Z\n"
        ])
        #expect(Fixture.errors(result).count == 1)
        #expect(
            Fixture.errors(result).first?.contains(
                "2025-08-14-cluster-a.md:1:1: error: front matter is not closed") == true)
    }
}
