import FlyingSocks

/// Reads one request head (the request line and header fields, through the blank line) from a
/// connection, holding at most `limit` bytes of it: each byte is looked at once, so a long head costs
/// time in proportion to its length and no more.
struct HeadReader: Sendable {
    enum Outcome: Sendable {
        /// The head, and the bytes read after it (the start of a pipelined request).
        case head(ArraySlice<UInt8>, rest: [UInt8])
        /// The head did not end within `limit` bytes.
        case tooLarge
        /// The client closed the connection before a whole head arrived.
        case closed
    }

    let limit: Int

    /// Reads until a whole head is in hand, starting with `pending` (bytes already read after the
    /// previous request on this connection).
    func read(from socket: AsyncSocket, after pending: [UInt8]) async throws -> Outcome {
        var buffer = pending
        var scanned = 0
        while true {
            if let end = Self.endOfHead(in: buffer, from: scanned) {
                guard end <= limit else { return .tooLarge }
                return .head(buffer[..<end], rest: Array(buffer[end...]))
            }
            guard buffer.count < limit else { return .tooLarge }
            // A blank line's first bytes may already be in, so look again from just before the end.
            scanned = max(0, buffer.count - 2)
            do {
                buffer += try await socket.read(atMost: limit - buffer.count)
            } catch SocketError.disconnected {
                return .closed
            }
        }
    }

    /// The index just past the first blank line (`\r\n\r\n`, or a bare `\n\n`) at or after `start`.
    static func endOfHead(in bytes: [UInt8], from start: Int) -> Int? {
        let newline = UInt8(ascii: "\n")
        var index = start
        while let found = bytes[index...].firstIndex(of: newline) {
            let next = found + 1
            if next < bytes.count, bytes[next] == newline { return next + 1 }
            if next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\r"), bytes[next + 1] == newline {
                return next + 2
            }
            index = next
        }
        return nil
    }
}
