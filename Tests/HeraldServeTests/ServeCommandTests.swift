import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

/// `herald serve` for real: a subprocess on a free loopback port, fetched over HTTP.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"),
    .serialized, .timeLimit(.minutes(2)))
struct ServeCommandTests {
    @Test func servesWithContentTypesAndReloadScriptOnlyInServedHTML() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let server = try ServeProcess(site: site, arguments: ["--now", "2025-10-06T19:00:00Z"])
        defer { _ = server.interrupt() }
        let index = try server.http.get("/")
        #expect(index.status == 200)
        #expect(index.headers["content-type"] == "text/html; charset=utf-8")
        #expect(index.body.contains("new EventSource(\"/__herald/events\")"))
        let built = try String(contentsOfFile: "\(server.outputDirectory)/index.html", encoding: .utf8)
        #expect(!built.contains("__herald"))
        let types = [
            "/feed.atom": "application/atom+xml; charset=utf-8",
            "/maintenance.ics": "text/calendar; charset=utf-8",
            "/api/v2/summary.json": "application/json; charset=utf-8",
            "/assets/style.css": "text/css; charset=utf-8",
            "/sitemap.xml": "application/xml; charset=utf-8",
        ]
        for (path, type) in types {
            let response = try server.http.get(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["content-type"] == type, "\(path)")
            #expect(!response.body.contains("__herald"), "\(path)")
        }
        let folder = try server.http.get("/incidents/2025-10-06-cluster-a-email")
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/incidents/2025-10-06-cluster-a-email/")
        #expect(try server.http.get("/incidents/2025-10-06-cluster-a-email/").status == 200)
        let missing = try server.http.get("/no/such/page")
        #expect(missing.status == 404)
        #expect(missing.body.contains("Page not found") && missing.body.contains("EventSource"))
        #expect(try server.http.get("/../Content/site.yml").status == 404)
    }

    @Test func rebuildsOnEditSendsReloadShowsErrorsAndStopsOnSIGINT() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let server = try ServeProcess(site: site, arguments: ["--now", "2025-10-06T19:00:00Z"])
        let page = "/incidents/2025-10-06-cluster-a-email/"
        #expect(try server.http.get(page).body.contains("Cluster A email service issues"))

        var events = try server.http.watch("/__herald/events")
        defer { events.close() }
        _ = try events.read { $0.contains("retry: 500") }
        let file = "\(site)/Content/incidents/2025-10-06-cluster-a-email.md"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        try original.replacingOccurrences(
            of: "title: Cluster A email service issues", with: "title: Cluster A mail outage"
        )
        .write(toFile: file, atomically: true, encoding: .utf8)
        _ = try events.read { $0.contains("event: reload") }
        #expect(try server.http.get(page).body.contains("Cluster A mail outage"))

        try original.replacingOccurrences(of: "\nresolved:", with: "\nresovled:")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let error = try events.read { $0.contains("event: build-error") && $0.contains("still serving") }
        #expect(
            error.contains(
                "data: Content/incidents/2025-10-06-cluster-a-email.md:4:1: error: unknown key `resovled`"))
        // The last good site is still served.
        #expect(try server.http.get(page).body.contains("Cluster A mail outage"))
        // A page opened now gets the error at once.
        let late = try server.http.stream("/__herald/events") { $0.contains("still serving") }
        #expect(late.contains("event: build-error"))

        #expect(server.interrupt() == 0)
        #expect(server.remainingOutput().contains("Stopped."))
        #expect(throws: LoopbackHTTP.Failure.self) { try server.http.get("/") }
    }
}
