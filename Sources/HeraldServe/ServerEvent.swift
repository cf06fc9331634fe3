/// A message from `herald serve` to open pages, in Server-Sent Events form.
enum ServerEvent: Equatable, Sendable {
    /// A build succeeded: reload.
    case reload(build: Int)
    /// A build failed: show this text.
    case buildError(String)
    /// A comment that keeps the connection open through idle proxies.
    case keepAlive

    /// The event as the `text/event-stream` format writes it: each line of data on its own `data:` line.
    var encoded: String {
        switch self {
        case .reload(let build): "event: reload\ndata: \(build)\n\n"
        case .buildError(let text):
            "event: build-error\n"
                + text.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }
                .joined() + "\n"
        case .keepAlive: ": keep-alive\n\n"
        }
    }
}
