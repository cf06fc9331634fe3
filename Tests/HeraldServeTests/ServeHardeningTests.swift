import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

/// `herald serve` against hostile clients and hostile files, through the real server: what must be
/// refused, what must stay fast, and that it always stops when told.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"),
    .serialized, .timeLimit(.minutes(2)))
struct ServeHardeningTests {
    private static let now = ["--now", "2025-10-06T19:00:00Z"]

    /// A GET whose one header field holds `size` bytes, with or without the blank line ending the head.
    private static func request(headerOf size: Int, ended: Bool = true) -> [UInt8] {
        Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Filler: ".utf8)
            + [UInt8](repeating: 0x61, count: size)
            + Array((ended ? "\r\n\r\n" : "\r\n").utf8)
    }

    @Test func aHugeHeaderGets431FastAndTheServerKeepsServing() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let server = try ServeProcess(site: site, arguments: Self.now)
        defer { _ = server.interrupt() }
        for _ in 0..<2 {
            let exchange = try server.http.raw(Self.request(headerOf: 1_048_576), timeout: 3)
            print("measured: 1 MB header answered in \(exchange.elapsed): \(exchange.reply.prefix(48))")
            #expect(exchange.status == 431 || exchange.reply.isEmpty, "\(exchange.reply.prefix(200))")
            #expect(exchange.elapsed < .seconds(2))
        }
        let started = ContinuousClock.now
        #expect(try server.http.get("/", timeout: 2).status == 200)
        print("measured: the next GET answered in \(ContinuousClock.now - started)")
        // Just under the limit is still a request, and as quick.
        let large = try server.http.raw(Self.request(headerOf: 60_000), timeout: 3)
        print("measured: 60 KB header answered in \(large.elapsed)")
        #expect(large.status == 200)
        #expect(large.elapsed < .seconds(2))
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func stopsWithinASecondWhateverClientsDo(signal: Int32) throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let server = try ServeProcess(site: site, arguments: Self.now)
        var events = try server.http.watch("/__herald/events", timeout: 5)
        defer { events.close() }
        _ = try events.read { $0.contains("retry: 500") }
        let idle = try [
            "", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half",
            "GET /feed.atom HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        ].map { try server.http.open(sending: Array($0.utf8)) }
        defer { for connection in idle { connection.close() } }
        // Long heads that never end: two of these used to hold both cores of a two-core machine
        // (and so the signal handling) after a moment of parsing.
        let endless = try (0..<2).map { _ in
            try server.http.open(sending: Self.request(headerOf: 1_048_576, ended: false))
        }
        defer { for connection in endless { connection.close() } }
        Thread.sleep(forTimeInterval: 1)

        let started = ContinuousClock.now
        let status = server.stop(with: signal, timeout: 5)
        let elapsed = ContinuousClock.now - started
        print("measured: signal \(signal) with clients attached stopped the server in \(elapsed)")
        #expect(status == 0)
        #expect(elapsed < .seconds(2))
        #expect(server.remainingOutput().contains("Stopped."))
    }

    @Test func neverFollowsALinkOutOfTheOutputFolder() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let server = try ServeProcess(site: site, arguments: Self.now)
        defer { _ = server.interrupt() }
        let outside = try RepositoryPaths.temporaryDirectory()
        try Data("<p>secret</p>".utf8).write(to: URL(fileURLWithPath: "\(outside)/index.html"))
        let manager = FileManager.default
        try manager.createSymbolicLink(
            atPath: "\(server.outputDirectory)/passwd", withDestinationPath: "/etc/passwd")
        try manager.createSymbolicLink(
            atPath: "\(server.outputDirectory)/elsewhere", withDestinationPath: outside)
        try manager.createSymbolicLink(
            atPath: "\(server.outputDirectory)/home.html", withDestinationPath: "index.html")
        for path in ["/passwd", "/elsewhere/", "/elsewhere/index.html", "/elsewhere"] {
            let response = try server.http.get(path, timeout: 5)
            #expect(response.status == 404, "\(path)")
            #expect(!response.body.contains("root:") && !response.body.contains("secret"), "\(path)")
        }
        // A link that stays inside is served like the file it names.
        let inside = try server.http.get("/home.html", timeout: 5)
        #expect(inside.status == 200)
        #expect(inside.headers["content-type"] == "text/html; charset=utf-8")
    }

    @Test func neverServesDotfilesButKeepsTheEventStream() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let server = try ServeProcess(site: site, arguments: Self.now)
        defer { _ = server.interrupt() }
        let manager = FileManager.default
        try manager.createDirectory(
            atPath: "\(server.outputDirectory)/.git", withIntermediateDirectories: true)
        try Data("[core]\n".utf8).write(to: URL(fileURLWithPath: "\(server.outputDirectory)/.git/config"))
        try Data("TOKEN=x\n".utf8).write(to: URL(fileURLWithPath: "\(server.outputDirectory)/.env"))
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: "\(server.outputDirectory)/incidents/.hidden"))
        for path in [
            "/.git/config", "/%2egit/config", "/.git/", "/.git", "/.env", "//.env", "/incidents/.hidden",
        ] {
            let response = try server.http.get(path, timeout: 5)
            #expect(response.status == 404, "\(path)")
            #expect(!response.body.contains("[core]") && !response.body.contains("TOKEN"), "\(path)")
        }
        let stream = try server.http.stream("/__herald/events", timeout: 5) { $0.contains("retry: 500") }
        #expect(stream.contains("text/event-stream"))
    }

    @Test func redirectsOnlyToASingleSlashLocalPath() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let server = try ServeProcess(site: site, arguments: Self.now)
        defer { _ = server.interrupt() }
        let folder = "/incidents/2025-10-06-cluster-a-email"
        for path in [
            "//incidents/2025-10-06-cluster-a-email", "///incidents//2025-10-06-cluster-a-email", folder,
        ] {
            let response = try server.http.get(path, timeout: 5)
            #expect(response.status == 301, "\(path)")
            #expect(response.headers["location"] == folder + "/", "\(path)")
        }
        #expect(try server.http.get("//incidents", timeout: 5).headers["location"] == "/incidents/")
        #expect(try server.http.get("//incidents//2025-10-06-cluster-a-email/", timeout: 5).status == 200)
    }

    @Test func refusesTraversalEncodedDotsNULAndBackslashes() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let server = try ServeProcess(site: site, arguments: Self.now)
        defer { _ = server.interrupt() }
        let paths = [
            "/../Content/site.yml", "/%2e%2e/Content/site.yml", "/%2E%2E/%2E%2E/etc/passwd",
            "/..%2fContent/site.yml", "/incidents/%00", "/index.html%00.css", "/%5c..%5cContent%5csite.yml",
            "/incidents\\..\\..\\Content\\site.yml", "/%zz",
        ]
        for path in paths {
            let response = try server.http.get(path, timeout: 5)
            #expect(response.status == 404, "\(path)")
            #expect(!response.body.contains("base_url"), "\(path)")
        }
        let raw = try server.http.raw(
            Array("GET /index.html\0 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
        #expect(raw.status == 404 || raw.status == 400)
    }
}
