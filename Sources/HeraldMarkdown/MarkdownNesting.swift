import HeraldCore

/// Finds Markdown that nests deeper than cmark-gfm handles in reasonable time, in one linear pass.
///
/// cmark-gfm's work grows with the square of the depth of nested block quotes and lists, and of
/// the number of `[` open at once (150 KB of `>` and `[` take it minutes), so such text is refused
/// before it is parsed. The scan over-counts rather than under-counts: it does not know about
/// code, so `[` in a code span or block counts too, and an open `[` is forgotten only at a line
/// that can end a paragraph (blank, or only `>`).
package enum MarkdownNesting {
    /// Block quotes and list items inside one another, and `[` open at once: at most this many.
    package static let maximumDepth = 100

    package struct Excess: Equatable, Sendable {
        package enum Kind: Equatable, Sendable {
            /// `>` and list markers at the start of a line.
            case containers
            /// `[` (or `![`) not closed yet.
            case brackets
        }

        package var kind: Kind
        /// 0-based line within the text.
        package var line: Int
        /// 1-based, in characters, of the marker or bracket one over the limit.
        package var column: Int
    }

    /// The first place where the text nests more than `maximumDepth`, or nil.
    package static func excess(in markdown: String) -> Excess? {
        var text = markdown
        return text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return scanner.run()
        }
    }

    private struct Scanner {
        package let bytes: UnsafeBufferPointer<UInt8>
        package var index = 0
        package var line = 0
        package var lineStart = 0
        /// `[` open in the current paragraph.
        package var openBrackets = 0

        package mutating func run() -> Excess? {
            while index < bytes.count {
                lineStart = index
                if let excess = containerPrefix() { return excess }
                if let excess = restOfLine() { return excess }
                if isBlankOrQuoteOnly(from: lineStart, to: index) { openBrackets = 0 }
                index += 1  // the line feed
                line += 1
            }
            return nil
        }

        /// Skips the `>` and list markers that open the line, counting them.
        private mutating func containerPrefix() -> Excess? {
            var depth = 0
            while true {
                while index < bytes.count, isSpaceOrTab(bytes[index]) { index += 1 }
                guard let end = markerEnd(at: index) else { return nil }
                depth += 1
                if depth > maximumDepth { return excess(.containers) }
                index = end
            }
        }

        /// After a block quote `>` or a list marker (`-`, `+`, `*`, `1.`, `1)` before a space or the
        /// end of the line) at `start`: the index just past it.
        private func markerEnd(at start: Int) -> Int? {
            guard start < bytes.count else { return nil }
            let byte = bytes[start]
            if byte == UInt8(ascii: ">") { return start + 1 }
            var end = start
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
                end += 1
            } else {
                while end < bytes.count, end - start < 9, isDigit(bytes[end]) { end += 1 }
                guard end > start, end < bytes.count,
                    bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")")
                else { return nil }
                end += 1
            }
            guard end == bytes.count || isSpaceOrTab(bytes[end]) || bytes[end] == lineFeed else { return nil }
            return end
        }

        /// Counts brackets up to the line feed (or the end), where it leaves `index`.
        private mutating func restOfLine() -> Excess? {
            while index < bytes.count, bytes[index] != lineFeed {
                switch bytes[index] {
                case UInt8(ascii: "\\"):
                    // An escaped bracket is text; a backslash before the line feed is a hard break.
                    if index + 1 < bytes.count, bytes[index + 1] != lineFeed { index += 1 }
                case UInt8(ascii: "["):
                    openBrackets += 1
                    if openBrackets > maximumDepth { return excess(.brackets) }
                case UInt8(ascii: "]"):
                    openBrackets = max(openBrackets - 1, 0)
                default:
                    break
                }
                index += 1
            }
            return nil
        }

        private func isBlankOrQuoteOnly(from start: Int, to end: Int) -> Bool {
            bytes[start..<end].allSatisfy { isSpaceOrTab($0) || $0 == UInt8(ascii: ">") }
        }

        /// An excess at `index`, its column counted in characters (UTF-8 lead bytes).
        private func excess(_ kind: Excess.Kind) -> Excess {
            let column = bytes[lineStart..<index].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return Excess(kind: kind, line: line, column: column)
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }

        private func isSpaceOrTab(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        }

        private var lineFeed: UInt8 { UInt8(ascii: "\n") }
    }
}
