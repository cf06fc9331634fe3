import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// A file's text as lines whose bytes are kept exactly, for edits that must leave every line they
/// do not touch as it was: line endings (LF or CRLF), a byte-order mark, trailing spaces.
struct SourceLines {
    /// Each line without its `\n`; a CRLF file's lines keep their `\r`.
    var lines: [String]
    /// `\r\n` when the file uses CRLF line endings, else `\n`.
    let newline: String

    init(_ text: String) {
        // Split on bytes: as Characters, "\r\n" is one grapheme and would not split at "\n".
        lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        newline = lines.dropLast().contains { $0.hasSuffix("\r") } ? "\r\n" : "\n"
    }

    var text: String { lines.joined(separator: "\n") }

    /// Line `index` without a trailing `\r` or a byte-order mark, as YAML sees it.
    func content(_ index: Int) -> String {
        var line = lines[index]
        if line.hasSuffix("\r") { line.removeLast() }
        if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        return line
    }

    /// Inserts new lines (given without line endings) before line `index`, ending them like the file.
    mutating func insert(_ newLines: [String], at index: Int) {
        let suffix = newline == "\r\n" ? "\r" : ""
        lines.insert(contentsOf: newLines.map { $0 + suffix }, at: index)
    }

    /// Removes line `index`.
    mutating func remove(_ index: Int) {
        lines.remove(at: index)
    }

    /// Replaces line `index`'s content, keeping its line ending.
    mutating func replace(_ index: Int, with content: String) {
        lines[index] = content + (lines[index].hasSuffix("\r") ? "\r" : "")
    }

    /// The number of leading spaces.
    static func indent(of line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}
