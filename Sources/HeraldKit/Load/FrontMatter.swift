/// A Markdown file split into its YAML front matter and its body.
///
/// The file starts with a `---` line; the YAML runs until the next `---` (or `...`) line; the rest is
/// the Markdown body.
struct FrontMatter: Hashable, Sendable {
    /// The YAML between the delimiters (no delimiter lines).
    var yaml: String
    /// The file line holding the YAML's first line (2).
    var yamlFirstLine: Int
    /// Everything after the closing delimiter line.
    var body: String
    /// The file line the body starts on.
    var bodyFirstLine: Int

    enum Problem: Error, Hashable, Sendable {
        case missingOpening
        case missingClosing
    }

    /// Splits `text` (already LF-normalised).
    static func split(_ text: String) -> Result<FrontMatter, Problem> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), isDelimiter(first, allowDots: false) else {
            return .failure(.missingOpening)
        }
        var yamlLines: [Substring] = []
        while let line = lines.popFirst() {
            if isDelimiter(line, allowDots: true) {
                let bodyLine = yamlLines.count + 3
                return .success(
                    FrontMatter(
                        yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                        body: lines.joined(separator: "\n"), bodyFirstLine: bodyLine))
            }
            yamlLines.append(line)
        }
        return .failure(.missingClosing)
    }

    private static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
