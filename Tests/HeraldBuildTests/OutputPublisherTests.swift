import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldRender
@testable import HeraldTestSupport
@testable import HeraldWrite

@Suite struct OutputPublisherTests {
    @Test func replacesTheOldSiteAndKeepsHiddenEntries() throws {
        let base = try RepositoryPaths.temporaryDirectory()
        let output = "\(base)/Output"
        let publisher = OutputPublisher(outputDirectory: output)
        try publisher.publish([
            OutputFile(path: "old.html", text: "old"), OutputFile(path: "a/b.html", text: "b"),
        ])
        try Data().write(to: URL(fileURLWithPath: "\(output)/.gitkeep"))

        try publisher.publish([
            OutputFile(path: "index.html", text: "new"), OutputFile(path: "a/c/d.json", text: "{}"),
        ])

        #expect(
            RepositoryPaths.files(in: output) == [".gitkeep", ".herald-output", "a/c/d.json", "index.html"])
        #expect(try String(contentsOfFile: "\(output)/index.html", encoding: .utf8) == "new")
        #expect(!FileManager.default.fileExists(atPath: publisher.stagingDirectory))
    }

    @Test(arguments: ["../escape.html", "/etc/passwd", "a/../../b", "a//b", "./a", "a\\b", ""])
    func refusesPathsOutsideTheOutput(_ path: String) throws {
        let base = try RepositoryPaths.temporaryDirectory()
        let publisher = OutputPublisher(outputDirectory: "\(base)/Output")
        #expect(throws: OutputPublisher.Failure.self) {
            try publisher.publish([OutputFile(path: path, text: "x")])
        }
        #expect(!FileManager.default.fileExists(atPath: "\(base)/Output"))
        #expect(!FileManager.default.fileExists(atPath: "\(base)/escape.html"))
    }
}

@Suite struct RenderHelperTests {
    @Test func rootIsRelativeToThePageDepth() {
        #expect(RenderContext.root(for: "") == "./")
        #expect(RenderContext.root(for: "history/") == "../")
        #expect(RenderContext.root(for: "incidents/x/") == "../../")
        #expect(RenderContext.root(for: "blog/page/2/") == "../../../")
        #expect(RenderContext.root(for: "404.html") == "./")
    }

    @Test func percentIsTruncatedNotRounded() {
        #expect(RenderContext.percent(UptimeTally(countedSeconds: 100_000)) == "100.00%")
        #expect(RenderContext.percent(UptimeTally(countedSeconds: 100_000, downtimeSeconds: 1)) == "99.99%")
        #expect(RenderContext.percent(UptimeTally(countedSeconds: 200, downtimeSeconds: 3)) == "98.50%")
        #expect(RenderContext.percent(UptimeTally()) == "no data")
    }

    @Test func directoryPagesAreWrittenAsIndexFiles() {
        #expect(SitePaths.file(for: "") == "index.html")
        #expect(SitePaths.file(for: "incidents/x/") == "incidents/x/index.html")
        #expect(SitePaths.file(for: "404.html") == "404.html")
    }
}

@Suite struct DiagnosticFormatterTests {
    let diagnostics = [
        Diagnostic.error(
            at: SourceLocation(path: "Content/incidents/a.md", line: 3, column: 9),
            "unknown key `resovled`, did you mean `resolved`?"),
        Diagnostic.warning(
            at: SourceLocation(path: "Content/site.yml", line: 12, column: 5), "cluster `c` is never used"),
    ]

    @Test func textIsCompilerStyle() {
        #expect(
            DiagnosticFormatter.format(diagnostics, as: "text")
                == "Content/incidents/a.md:3:9: error: unknown key `resovled`, did you mean `resolved`?\n"
                + "Content/site.yml:12:5: warning: cluster `c` is never used\n")
    }

    @Test func githubUsesWorkflowCommands() {
        #expect(
            DiagnosticFormatter.format(
                [Diagnostic.error(at: SourceLocation(path: "a,b.md", line: 1, column: 2), "50%\nbad")],
                as: "github")
                == "::error file=a%2Cb.md,line=1,col=2::50%25%0Abad\n")
    }

    @Test func jsonIsAnArrayOfRecords() throws {
        let data = Data(DiagnosticFormatter.format(diagnostics, as: "json").utf8)
        let records = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(records.count == 2)
        #expect(records[0]["file"] as? String == "Content/incidents/a.md")
        #expect(records[0]["line"] as? Int == 3)
        #expect(records[0]["column"] as? Int == 9)
        #expect(records[1]["severity"] as? String == "warning")
    }
}
