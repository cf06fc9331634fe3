import Foundation

/// An HTTP response as the preview server sends it.
struct Response: Sendable {
    struct Status: Equatable, Sendable {
        var code: Int
        var reason: String

        static let ok = Status(code: 200, reason: "OK")
        static let movedPermanently = Status(code: 301, reason: "Moved Permanently")
        static let badRequest = Status(code: 400, reason: "Bad Request")
        static let notFound = Status(code: 404, reason: "Not Found")
        static let methodNotAllowed = Status(code: 405, reason: "Method Not Allowed")
        static let headerFieldsTooLarge = Status(code: 431, reason: "Request Header Fields Too Large")
    }

    enum Body: Sendable {
        case data(Data)
        /// Server-Sent Events for as long as the stream lasts; the connection closes after it.
        case events(AsyncStream<ServerEvent>)
    }

    var status: Status
    var headers: [(name: String, value: String)] = []
    var body: Body = .data(Data())

    /// A short plain-text answer to a request the server cannot serve.
    static func refusal(_ status: Status) -> Response {
        Response(
            status: status, headers: [("Content-Type", "text/plain; charset=utf-8")],
            body: .data(Data("\(status.code) \(status.reason)\n".utf8)))
    }

    /// The status line and header fields, with the length of a data body and, if `closing`,
    /// `Connection: close`.
    func encodedHead(closing: Bool) -> Data {
        var lines = ["HTTP/1.1 \(status.code) \(status.reason)"] + headers.map { "\($0.name): \($0.value)" }
        if case .data(let data) = body { lines.append("Content-Length: \(data.count)") }
        if closing { lines.append("Connection: close") }
        return Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }
}
