import Foundation
import Testing

@testable import HeraldServe

@Suite struct ServeUnitTests {
    @Test func eventsAreWrittenOneDataLineEach() {
        #expect(ServerEvent.reload(build: 3).encoded == "event: reload\ndata: 3\n\n")
        #expect(ServerEvent.buildError("a\nb").encoded == "event: build-error\ndata: a\ndata: b\n\n")
    }

    @Test func theScriptGoesBeforeTheLastBodyEndTag() {
        let html = Data("<html><body><p>x</p></body></html>".utf8)
        let injected = String(decoding: LiveReload.inject(into: html), as: UTF8.self)
        #expect(injected.hasPrefix("<html><body><p>x</p><script>"))
        #expect(injected.hasSuffix("</script>\n</body></html>"))
        let fragment = String(decoding: LiveReload.inject(into: Data("<p>x</p>".utf8)), as: UTF8.self)
        #expect(fragment.hasPrefix("<p>x</p><script>"))
    }

    @Test func contentTypes() {
        #expect(ContentTypes.forPath("feed.atom") == "application/atom+xml; charset=utf-8")
        #expect(ContentTypes.forPath("a/b/maintenance.ics") == "text/calendar; charset=utf-8")
        #expect(ContentTypes.forPath("icon.SVG") == "image/svg+xml")
        #expect(ContentTypes.forPath("LICENSE") == "application/octet-stream")
    }

    @Test func pathsStayInsideTheOutputFolder() throws {
        let root = try RepositoryPaths.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(root)/blog", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(root)/blog/index.html"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(root)/index.html"))
        #expect(SitePath.resolve("/", in: root) == .file("\(root)/index.html"))
        #expect(SitePath.resolve("/blog/", in: root) == .file("\(root)/blog/index.html"))
        #expect(SitePath.resolve("/blog", in: root) == .redirect("/blog/"))
        #expect(SitePath.resolve("/%62log/index.html", in: root) == .file("\(root)/blog/index.html"))
        #expect(SitePath.resolve("/blog/../../etc/passwd", in: root) == .missing)
        #expect(SitePath.resolve("/%2e%2e/x", in: root) == .missing)
        #expect(SitePath.resolve("/nope", in: root) == .missing)
    }

    @Test func theWatcherSeesEditsNewFilesAndRemovals() async throws {
        let root = try RepositoryPaths.temporaryDirectory()
        let watcher = FolderWatcher(folders: [root])
        let empty = watcher.scan()
        try Data("a".utf8).write(to: URL(fileURLWithPath: "\(root)/a.md"))
        let added = try await watcher.nextChange(
            after: empty, every: .milliseconds(10), quiet: .milliseconds(10))
        #expect(added != empty)
        try Data("bb".utf8).write(to: URL(fileURLWithPath: "\(root)/a.md"))
        let edited = try await watcher.nextChange(
            after: added, every: .milliseconds(10), quiet: .milliseconds(10))
        #expect(edited != added)
        try FileManager.default.removeItem(atPath: "\(root)/a.md")
        let removed = try await watcher.nextChange(
            after: edited, every: .milliseconds(10), quiet: .milliseconds(10))
        #expect(removed.entries.keys.sorted() == empty.entries.keys.sorted())
    }
}
