import FlyingFox
import Foundation

/// Serves the built site from the output folder as a static host would (a folder's `index.html`,
/// `404.html` for what is missing), with the live-reload script added to HTML, and the event stream.
struct SiteFileHandler: HTTPHandler {
    let outputDirectory: String
    let hub: ReloadHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            let headers: HTTPHeaders = [HTTPHeader("Allow"): "GET, HEAD"]
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
        }
        if request.path == LiveReload.eventsPath {
            let headers: HTTPHeaders = [.contentType: "text/event-stream", .cacheControl: "no-store"]
            return HTTPResponse(
                statusCode: .ok, headers: headers,
                body: HTTPBodySequence(from: EventStreamBody(events: await hub.subscribe())))
        }
        // The raw target: FlyingFox's `path` is standardised and loses the trailing slash folders need.
        switch SitePath.resolve(request.target.path(), in: outputDirectory) {
        case .file(let path):
            return file(path, status: .ok, head: request.method == .HEAD)
        case .redirect(let location):
            let headers: HTTPHeaders = [.location: location]
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .missing:
            return file("\(outputDirectory)/404.html", status: .notFound, head: request.method == .HEAD)
        }
    }

    private func file(_ path: String, status: HTTPStatusCode, head: Bool) -> HTTPResponse {
        // Without even a 404.html (no good build yet), a bare page that still reloads and shows errors.
        let found = FileManager.default.contents(atPath: path)
        guard var data = found ?? Self.placeholder else { return HTTPResponse(statusCode: .notFound) }
        let type = found == nil ? "text/html; charset=utf-8" : ContentTypes.forPath(path)
        if type.hasPrefix("text/html") { data = LiveReload.inject(into: data) }
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        if head { headers[.contentLength] = String(data.count) }
        return HTTPResponse(
            statusCode: found == nil ? .notFound : status, headers: headers, body: head ? Data() : data)
    }

    private static let placeholder: Data? = Data(
        "<!DOCTYPE html>\n<html><head><title>Not found</title></head><body><p>Not found.</p></body></html>\n"
            .utf8)
}
