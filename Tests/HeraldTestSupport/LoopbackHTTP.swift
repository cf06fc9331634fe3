import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal HTTP/1.1 client over a loopback TCP socket, with a deadline on every read, so tests of
/// `herald serve` never hang.
package struct LoopbackHTTP {
    package struct Response {
        package var status: Int
        package var headers: [String: String]
        package var body: String
    }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package let port: UInt16

    /// GET `path`, reading until the server closes the connection.
    package func get(_ path: String, timeout: TimeInterval = 10) throws -> Response {
        let socket = try connect(timeout: timeout)
        defer { close(socket) }
        try send(socket, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var data = Data()
        while let chunk = try receive(socket) { data.append(chunk) }
        return try parse(data)
    }

    /// Sends `bytes` as they are (however malformed or large) and reads what comes back until the
    /// server closes the connection or `timeout` passes. A reset connection ends the reading too: the
    /// server may close without reading all of a request it refuses.
    package func raw(_ bytes: [UInt8], timeout: TimeInterval = 5) throws -> RawExchange {
        let started = ContinuousClock.now
        let socket = try connect(timeout: timeout)
        defer { close(socket) }
        let sent = sendAll(bytes, on: socket, timeout: timeout)
        var data = Data()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, let chunk = try? receive(socket) { data.append(chunk) }
        return RawExchange(
            sent: sent, reply: String(decoding: data, as: UTF8.self), elapsed: ContinuousClock.now - started)
    }

    package struct RawExchange {
        /// How many of the bytes the server took before it closed the connection.
        package var sent: Int
        package var reply: String
        package var elapsed: Duration

        /// The status code of the reply, nil if there was none.
        package var status: Int? {
            guard reply.hasPrefix("HTTP/1.") else { return nil }
            return Int(reply.split(separator: " ").dropFirst().first ?? "")
        }
    }

    /// A connection that sends what of `bytes` the server takes within `timeout`, and then stays
    /// open, saying nothing more, until closed.
    package func open(sending bytes: [UInt8], timeout: TimeInterval = 2) throws -> OpenConnection {
        let socket = try connect(timeout: timeout)
        _ = sendAll(bytes, on: socket, timeout: timeout)
        return OpenConnection(socket: socket)
    }

    package struct OpenConnection {
        package let socket: Int32

        package func close() { _ = Glibc.close(socket) }
    }

    /// Opens the event stream at `path` and reads until `predicate` holds for the text read so far.
    package func stream(_ path: String, timeout: TimeInterval = 20, until predicate: (String) -> Bool) throws
        -> String
    {
        let socket = try connect(timeout: timeout)
        defer { close(socket) }
        try send(socket, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        var data = Data()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let chunk = try receive(socket) else { break }
            data.append(chunk)
            if predicate(String(decoding: data, as: UTF8.self)) {
                return String(decoding: data, as: UTF8.self)
            }
        }
        throw Failure(
            description: "the stream ended or timed out; read: \(String(decoding: data, as: UTF8.self))")
    }

    /// A stream that stays open while the caller does something, then reads until `predicate` holds.
    package func watch(_ path: String, timeout: TimeInterval = 20) throws -> EventWatch {
        let socket = try connect(timeout: timeout)
        try send(socket, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        return EventWatch(socket: socket, client: self, timeout: timeout)
    }

    package struct EventWatch {
        package let socket: Int32
        package let client: LoopbackHTTP
        package let timeout: TimeInterval
        package var text = ""

        package mutating func read(until predicate: (String) -> Bool) throws -> String {
            let deadline = Date().addingTimeInterval(timeout)
            while !predicate(text) {
                guard Date() < deadline, let chunk = try client.receive(socket) else {
                    throw Failure(description: "no matching event before the deadline; read: \(text)")
                }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }

        package func close() { _ = Glibc.close(socket) }
    }

    private func connect(timeout: TimeInterval) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        setTimeout(SO_RCVTIMEO, timeout, on: socket)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        return socket
    }

    private func setTimeout(_ option: Int32, _ timeout: TimeInterval, on socket: Int32) {
        let microseconds = Int((timeout * 1_000_000).rounded())
        var interval = timeval(tv_sec: microseconds / 1_000_000, tv_usec: microseconds % 1_000_000)
        setsockopt(socket, SOL_SOCKET, option, &interval, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Sends until all of `bytes` is sent, the server stops taking them for `timeout`, or the
    /// connection fails; how many bytes were sent.
    private func sendAll(_ bytes: [UInt8], on socket: Int32, timeout: TimeInterval) -> Int {
        setTimeout(SO_SNDTIMEO, timeout, on: socket)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { break }
            sent += count
        }
        return sent
    }

    private func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
            throw Failure(description: "send failed")
        }
    }

    /// The next bytes, nil at the end of the stream; throws on a timeout.
    fileprivate func receive(_ socket: Int32) throws -> Data? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = recv(socket, &buffer, buffer.count, 0)
        if count == 0 { return nil }
        guard count > 0 else { throw Failure(description: "read timed out or failed (errno \(errno))") }
        return Data(buffer[..<count])
    }

    private func parse(_ data: Data) throws -> Response {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else {
            throw Failure(description: "no HTTP header in \(text)")
        }
        let head = text[..<split.lowerBound].split(separator: "\r\n")
        let status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}
