import FlyingSocks
import Foundation

/// One client connection: reads requests (each head bounded in size and time), answers them through
/// the handler, and closes when the client asks, when a response cannot be followed by another
/// (an event stream, a refused request), at a deadline, or when its task is cancelled.
struct Connection: Sendable {
    let socket: AsyncSocket
    let handler: SiteFileHandler
    let limits: ServerLimits

    func serve() async {
        defer { try? socket.close() }
        let reader = HeadReader(limit: limits.headBytes)
        var pending: [UInt8] = []
        do {
            while true {
                let outcome = try await withDeadline(limits.headTime) { [socket, pending] in
                    try await reader.read(from: socket, after: pending)
                }
                switch outcome {
                case .closed:
                    return
                case .tooLarge:
                    return try await refuse(.headerFieldsTooLarge)
                case .head(let bytes, let rest):
                    guard let head = RequestHead.parse(bytes) else { return try await refuse(.badRequest) }
                    pending = rest
                    let response = await handler.respond(to: head)
                    let again = head.keepsAlive && !head.hasBody && response.isData
                    try await send(response, withBody: head.method != "HEAD", closing: !again)
                    guard again else {
                        if head.hasBody { await linger() }
                        return
                    }
                }
            }
        } catch is DeadlinePassed {
            // Waiting for a head (or sending) took too long: the connection is dropped.
        } catch {
            // The client went away, or the server is stopping.
        }
    }

    /// Answers a request that could not be read, and closes.
    private func refuse(_ status: Response.Status) async throws {
        try await send(.refusal(status), withBody: true, closing: true)
        await linger()
    }

    private func send(_ response: Response, withBody: Bool, closing: Bool) async throws {
        try await write(response.encodedHead(closing: closing))
        guard withBody else { return }
        switch response.body {
        case .data(let data):
            if !data.isEmpty { try await write(data) }
        case .events(let events):
            try await write(Data("retry: 500\n\n".utf8))
            for await event in events { try await write(Data(event.encoded.utf8)) }
        }
    }

    private func write(_ data: Data) async throws {
        try await withDeadline(limits.writeTime) { [socket] in try await socket.write(data) }
    }

    /// Stops sending, then reads and discards what the client is still sending (bounded in time and
    /// bytes), so that closing does not reset the connection before the client has read the answer.
    private func linger() async {
        shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        let limit = limits.lingerBytes
        _ = try? await withDeadline(limits.lingerTime) { [socket] in
            var discarded = 0
            while discarded < limit { discarded += try await socket.read(atMost: 65_536).count }
        }
    }
}

extension Response {
    fileprivate var isData: Bool {
        if case .data = body { true } else { false }
    }
}
