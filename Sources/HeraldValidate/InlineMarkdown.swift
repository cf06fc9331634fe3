import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// Rough plain text of inline Markdown: enough to build anchors from questions.
enum InlineMarkdown {
    /// Drops link destinations (`](url)`) and HTML tags; other punctuation is left for `Slug.make`.
    static func plainText(_ markdown: String) -> String {
        // Most questions have neither: nothing to drop.
        guard
            ByteSearch.contains(UInt8(ascii: "]"), in: markdown)
                || ByteSearch.contains(UInt8(ascii: "<"), in: markdown)
        else { return markdown }
        var result = ""
        var characters = markdown[...]
        // Past the last `>`, no `<` starts a tag: without this, each `<` would search to the end.
        let lastClose = markdown.lastIndex(of: ">")
        while let character = characters.popFirst() {
            if character == "]", characters.first == "(" {
                var depth = 0
                while let next = characters.popFirst() {
                    if next == "(" { depth += 1 }
                    if next == ")" {
                        depth -= 1
                        if depth == 0 { break }
                    }
                }
                result.append(" ")
            } else if character == "<", let lastClose, characters.startIndex < lastClose,
                characters.first.map({ $0.isLetter || $0 == "/" }) ?? false,
                let close = characters.firstIndex(of: ">")
            {
                characters = characters[characters.index(after: close)...]
                result.append(" ")
            } else {
                result.append(character)
            }
        }
        return result
    }
}
