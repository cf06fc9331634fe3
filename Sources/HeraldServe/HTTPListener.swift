import FlyingSocks
import Foundation

/// The preview server's listening socket and the connections it accepts, each served by its own
/// task. Cancelling `run()` closes the listening socket and every connection at once, whatever the
/// clients are doing, since every wait on a socket ends with the task's cancellation.
struct HTTPListener: Sendable {
    private let socket: Socket
    let handler: SiteFileHandler
    let limits: ServerLimits

    /// Binds and listens at once, so a port in use is an error here and the address is known.
    init(host: String, port: UInt16, handler: SiteFileHandler, limits: ServerLimits = ServerLimits()) throws {
        let name = host == "localhost" ? "127.0.0.1" : host
        let address: any SocketAddress =
            name.contains(":")
            ? try sockaddr_in6.inet6(ip6: name, port: port) : try sockaddr_in.inet(ip4: name, port: port)
        socket = try Socket(domain: Int32(type(of: address).family))
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen()
        } catch {
            try? socket.close()
            throw error
        }
        self.handler = handler
        self.limits = limits
    }

    var address: Socket.Address? { try? socket.sockname() }

    /// Accepts and serves connections until cancelled; then returns once every connection is closed.
    func run() async throws {
        let pool = SocketPool<Poll>.make(maxEvents: 64)
        try await pool.prepare()
        let listening = try AsyncSocket(socket: socket, pool: pool)
        defer { try? listening.close() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask { [handler, limits] in
                try await withThrowingDiscardingTaskGroup { connections in
                    while !Task.isCancelled {
                        do {
                            let client = try await listening.accept()
                            connections.addTask {
                                await Connection(socket: client, handler: handler, limits: limits).serve()
                            }
                        } catch  where !Task.isCancelled {
                            // Say, out of file descriptors: keep serving once some are free again.
                            try await Task.sleep(for: .milliseconds(100))
                        }
                    }
                }
            }
            // Either ends only by an error or cancellation; then the other is stopped too.
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}
