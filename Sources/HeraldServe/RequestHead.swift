/// The request line and header fields of one HTTP/1.x request. Parsed in one pass over bytes whose
/// size `HeadReader` has already bounded.
struct RequestHead: Equatable, Sendable {
    var method: String
    /// As sent: the path (still percent-encoded) and query.
    var target: String
    var version: String
    /// By lowercased name; a repeated field's values joined with ", ".
    var headers: [String: String]

    /// The target without its query.
    var path: String { String(target.prefix { $0 != "?" }) }

    /// Whether the client asked to keep the connection for another request.
    var keepsAlive: Bool {
        let connection = headers["connection"]?.lowercased() ?? ""
        return version == "HTTP/1.1" ? connection != "close" : connection == "keep-alive"
    }

    /// Whether a body follows the head (never read: the server only answers GET and HEAD).
    var hasBody: Bool {
        headers["transfer-encoding"] != nil || (headers["content-length"].map { $0 != "0" } ?? false)
    }

    /// The head in `bytes` (up to and including its blank line), or nil if it is not well formed:
    /// a request line other than `METHOD /target HTTP/1.x`, a field line without a name, or a folded
    /// line.
    static func parse(_ bytes: ArraySlice<UInt8>) -> RequestHead? {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0 }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else { return nil }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[1].first == UInt8(ascii: "/"),
            parts[2].elementsEqual("HTTP/1.1".utf8) || parts[2].elementsEqual("HTTP/1.0".utf8)
        else { return nil }
        var head = RequestHead(
            method: String(decoding: parts[0], as: UTF8.self),
            target: String(decoding: parts[1], as: UTF8.self),
            version: String(decoding: parts[2], as: UTF8.self), headers: [:])
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                !line[..<colon].contains(where: isWhitespace)
            else { return nil }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = trimmed(line[(colon + 1)...])
            head.headers[name] = head.headers[name].map { "\($0), \(value)" } ?? value
        }
        return head
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        let start = bytes.firstIndex { !isWhitespace($0) } ?? bytes.endIndex
        let end = bytes.lastIndex { !isWhitespace($0) }.map { $0 + 1 } ?? start
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
