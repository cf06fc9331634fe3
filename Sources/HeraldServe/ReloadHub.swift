/// The open event streams, and the last build's outcome so a page opened after a failed build
/// shows the error at once.
actor ReloadHub {
    private var streams: [Int: AsyncStream<ServerEvent>.Continuation] = [:]
    private var nextID = 0
    private var lastError: String?
    private var builds = 0

    /// A new stream of events, starting with the current error if the last build failed.
    func subscribe() -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream<ServerEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = nextID
        nextID += 1
        streams[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        if let lastError { continuation.yield(.buildError(lastError)) }
        return stream
    }

    func buildSucceeded() {
        builds += 1
        lastError = nil
        broadcast(.reload(build: builds))
    }

    func buildFailed(_ text: String) {
        lastError = text
        broadcast(.buildError(text))
    }

    func keepAlive() { broadcast(.keepAlive) }

    /// Ends every stream, so the server can close their connections.
    func finish() {
        for continuation in streams.values { continuation.finish() }
        streams = [:]
    }

    var subscriberCount: Int { streams.count }

    private func broadcast(_ event: ServerEvent) {
        for continuation in streams.values { continuation.yield(event) }
    }

    private func remove(_ id: Int) { streams[id] = nil }
}
