import Foundation
import Testing

@testable import HeraldServe
@testable import HeraldTestSupport

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
        #expect(SitePath.resolve("//blog", in: root) == .redirect("/blog/"))
        #expect(SitePath.resolve("/%2Fblog", in: root) == .redirect("/blog/"))
        #expect(SitePath.resolve("//blog//index.html", in: root) == .file("\(root)/blog/index.html"))
        #expect(SitePath.resolve("/blog\\index.html", in: root) == .missing)
        #expect(SitePath.resolve("/blog/index.html%0d%0a", in: root) == .missing)
    }

    @Test func dotfilesAndLinksOutOfTheFolderAreMissing() throws {
        let root = try RepositoryPaths.temporaryDirectory()
        let outside = try RepositoryPaths.temporaryDirectory()
        let manager = FileManager.default
        try manager.createDirectory(atPath: "\(root)/.git", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(root)/.git/config"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(root)/index.html"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: "\(outside)/index.html"))
        try manager.createSymbolicLink(atPath: "\(root)/out", withDestinationPath: outside)
        try manager.createSymbolicLink(atPath: "\(root)/up", withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: "\(root)/home.html", withDestinationPath: "index.html")
        #expect(SitePath.resolve("/.git/config", in: root) == .missing)
        #expect(SitePath.resolve("/%2Egit/config", in: root) == .missing)
        #expect(SitePath.resolve("/out/", in: root) == .missing)
        #expect(SitePath.resolve("/out/index.html", in: root) == .missing)
        #expect(SitePath.resolve("/up/", in: root) == .missing)
        #expect(SitePath.resolve("/home.html", in: root) == .file("\(root)/home.html"))
    }

    @Test func requestHeadsAreFoundAndParsedInOnePass() throws {
        let text = Array("GET /a?b HTTP/1.1\r\nHost: x\r\nAccept:  a \r\naccept: b\r\n\r\nGET".utf8)
        #expect(HeadReader.endOfHead(in: text, from: 0) == text.count - 3)
        #expect(HeadReader.endOfHead(in: Array("GET / HTTP/1.0\n\n".utf8), from: 0) == 16)
        #expect(HeadReader.endOfHead(in: Array("GET / HTTP/1.1\r\nHost: x\r\n".utf8), from: 0) == nil)
        let head = try #require(RequestHead.parse(text[..<(text.count - 3)]))
        #expect(head.method == "GET" && head.path == "/a" && head.target == "/a?b")
        #expect(head.headers == ["host": "x", "accept": "a, b"])
        #expect(head.keepsAlive && !head.hasBody)
        #expect(RequestHead.parse(ArraySlice("GET / HTTP/1.0\r\n\r\n".utf8))?.keepsAlive == false)
        for bad in [
            "GET /\r\n\r\n", "GET http://x/ HTTP/1.1\r\n\r\n", "GET / HTTP/2\r\n\r\n",
            "GET / HTTP/1.1\r\nNo colon\r\n\r\n", "GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n",
        ] {
            #expect(RequestHead.parse(ArraySlice(bad.utf8)) == nil, "\(bad)")
        }
    }

    /// With the kernel's notices (Linux) and by polling alike; a new folder is watched too, and
    /// what the notices led the watcher to see is what a scan sees.
    @Test(.timeLimit(.minutes(1)), arguments: [true, false])
    func theWatcherSeesEditsNewFilesAndRemovals(notified: Bool) async throws {
        let root = try RepositoryPaths.temporaryDirectory()
        let watcher = FolderWatcher(folders: [root], notified: notified)
        func change(after previous: FolderWatcher.Fingerprint) async throws -> FolderWatcher.Fingerprint {
            let seen = try await watcher.nextChange(
                after: previous, every: .milliseconds(10), quiet: .milliseconds(10))
            #expect(seen != previous)
            #expect(seen == watcher.scan())
            return seen
        }
        let empty = watcher.scan()
        try Data("a".utf8).write(to: URL(fileURLWithPath: "\(root)/a.md"))
        let added = try await change(after: empty)
        try Data("bb".utf8).write(to: URL(fileURLWithPath: "\(root)/a.md"))
        let edited = try await change(after: added)
        try FileManager.default.removeItem(atPath: "\(root)/a.md")
        let removed = try await change(after: edited)
        #expect(removed.entries.keys.sorted() == empty.entries.keys.sorted())
        try FileManager.default.createDirectory(
            atPath: "\(root)/incidents", withIntermediateDirectories: true)
        let folder = try await change(after: removed)
        try Data("c".utf8).write(to: URL(fileURLWithPath: "\(root)/incidents/c.md"))
        let inFolder = try await change(after: folder)
        #expect(inFolder.entries["\(root)/incidents/c.md"] != nil)
        // A folder moved in whole, files and all, is seen whole, and then watched.
        let elsewhere = try RepositoryPaths.temporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: "\(elsewhere)/posts/2026", withIntermediateDirectories: true)
        try Data("p".utf8).write(to: URL(fileURLWithPath: "\(elsewhere)/posts/2026/p.md"))
        try FileManager.default.moveItem(atPath: "\(elsewhere)/posts", toPath: "\(root)/posts")
        let moved = try await change(after: inFolder)
        #expect(moved.entries["\(root)/posts/2026/p.md"] != nil)
        try Data("pp".utf8).write(to: URL(fileURLWithPath: "\(root)/posts/2026/p.md"))
        let editedInMoved = try await change(after: moved)
        try FileManager.default.removeItem(atPath: "\(root)/posts")
        let movedOut = try await change(after: editedInMoved)
        #expect(!movedOut.entries.keys.contains { $0.hasPrefix("\(root)/posts") })
        // An editor's swap file, written as the user types, is no change.
        try Data("s".utf8).write(to: URL(fileURLWithPath: "\(root)/incidents/.c.md.swp"))
        let withSwap = watcher.scan()
        try Data("ss".utf8).write(to: URL(fileURLWithPath: "\(root)/incidents/.c.md.swp"))
        #expect(watcher.scan() == withSwap)
        #expect(withSwap.entries.keys.allSatisfy { !$0.contains("/.") })
    }
}
