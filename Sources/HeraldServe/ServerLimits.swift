/// How much the preview server gives one client, so that no client (a slow one, a broken one, a
/// hostile page's script) can hold the server's threads or keep it from stopping.
struct ServerLimits: Sendable {
    /// The request line and all header fields together; beyond it, `431` and the connection closes.
    var headBytes = 65_536
    /// For a whole request head to arrive, counted from when the server starts waiting for it (so
    /// also how long an idle keep-alive connection stays open).
    var headTime: Duration = .seconds(10)
    /// For each write to the client (a file, one event).
    var writeTime: Duration = .seconds(30)
    /// After answering a request whose rest the server will not read: how long, and how many bytes,
    /// it keeps reading and discarding before it closes, so the client gets the answer rather than a
    /// reset connection.
    var lingerTime: Duration = .seconds(1)
    var lingerBytes = 4_194_304
}
