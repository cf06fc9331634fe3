import Foundation

/// Serves the built site from the output folder as a static host would (a folder's `index.html`,
/// `404.html` for what is missing), with the live-reload script added to HTML, and the event stream.
struct SiteFileHandler: Sendable {
    let outputDirectory: String
    let hub: ReloadHub

    func respond(to request: RequestHead) async -> Response {
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = Response.refusal(.methodNotAllowed)
            response.headers.append(("Allow", "GET, HEAD"))
            return response
        }
        if request.path == LiveReload.eventsPath {
            return Response(
                status: .ok, headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-store")],
                body: .events(await hub.subscribe()))
        }
        switch SitePath.resolve(request.path, in: outputDirectory) {
        case .file(let path):
            return file(path, status: .ok)
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [("Location", location)])
        case .missing:
            // Through `SitePath` too, so a 404.html that links outside the folder is not served either.
            guard case .file(let page) = SitePath.resolve("/404.html", in: outputDirectory) else {
                return file(nil, status: .notFound)
            }
            return file(page, status: .notFound)
        }
    }

    /// The file at `path` (nil: none), HTML with the reload script.
    private func file(_ path: String?, status: Response.Status) -> Response {
        // Without even a 404.html (no good build yet), a bare page that still reloads and shows errors.
        let found = path.flatMap { FileManager.default.contents(atPath: $0) }
        var data = found ?? Self.placeholder
        let type = found == nil ? "text/html; charset=utf-8" : ContentTypes.forPath(path ?? "")
        if type.hasPrefix("text/html") { data = LiveReload.inject(into: data) }
        return Response(
            status: found == nil ? .notFound : status,
            headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: .data(data))
    }

    private static let placeholder = Data(
        "<!DOCTYPE html>\n<html><head><title>Not found</title></head><body><p>Not found.</p></body></html>\n"
            .utf8)
}
