import HeraldCore

/// A Markdown file split into its YAML front matter and its body.
///
/// The file starts with a `---` line; the YAML runs until the next `---` (or `...`) line; the rest is
/// the Markdown body.
package struct FrontMatter: Hashable, Sendable {
    /// The YAML between the delimiters (no delimiter lines).
    package var yaml: String
    /// The file line holding the YAML's first line (2).
    package var yamlFirstLine: Int
    /// Everything after the closing delimiter line.
    package var body: String
    /// The file line the body starts on.
    package var bodyFirstLine: Int

    package enum Problem: Error, Hashable, Sendable {
        case missingOpening
        case missingClosing
    }

    /// Splits `text` (already LF-normalised). Works on UTF-8 bytes: a line break is always a
    /// grapheme boundary, so byte lines are the same as `Character` lines, without the cost.
    package static func split(_ text: String) -> Result<FrontMatter, Problem> {
        let utf8 = text.utf8
        let newline = UInt8(ascii: "\n")
        /// The line starting at `start`: its end (before any newline) and the next line's start.
        func line(from start: String.Index) -> (end: String.Index, next: String.Index?) {
            guard let end = utf8[start...].firstIndex(of: newline) else { return (utf8.endIndex, nil) }
            return (end, utf8.index(after: end))
        }
        let first = line(from: utf8.startIndex)
        guard isDelimiter(utf8[utf8.startIndex..<first.end], allowDots: false) else {
            return .failure(.missingOpening)
        }
        guard let yamlStart = first.next else { return .failure(.missingClosing) }
        var start = yamlStart
        var lineNumber = 2
        while true {
            let current = line(from: start)
            if isDelimiter(utf8[start..<current.end], allowDots: true) {
                let yamlEnd = start == yamlStart ? start : utf8.index(before: start)
                return .success(
                    FrontMatter(
                        yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2,
                        body: current.next.map { String(text[$0...]) } ?? "", bodyFirstLine: lineNumber + 1))
            }
            guard let next = current.next else { return .failure(.missingClosing) }
            start = next
            lineNumber += 1
        }
    }

    private static func isDelimiter(_ line: Substring.UTF8View, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            trimmed.removeLast()
        }
        return trimmed.elementsEqual("---".utf8) || (allowDots && trimmed.elementsEqual("...".utf8))
    }
}
