import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate
import Yams

/// Where the top-level keys of a file's front matter are, line by line, so edits can insert or
/// replace whole lines and leave all others untouched.
struct FrontMatterLayout {
    enum Failure: Error, Sendable {
        case noFrontMatter
        case invalidYAML
    }

    /// One top-level key of the front matter.
    struct Key {
        var name: String
        var node: Node
        var value: Node
        /// Line index in the file.
        var line: Int
        /// The column (0-based) the key starts at: the mapping's indentation.
        var indent: Int
    }

    var source: SourceLines
    /// The line index of the closing `---`.
    let closingLine: Int
    let keys: [Key]

    init(_ text: String) throws(Failure) {
        let source = SourceLines(text)
        self.source = source
        let normalised = source.lines.indices.map { source.content($0) }.joined(separator: "\n")
        guard case .success(let frontMatter) = FrontMatter.split(normalised) else { throw .noFrontMatter }
        closingLine = frontMatter.bodyFirstLine - 2
        let yaml = frontMatter.yaml
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw .invalidYAML
        }
        guard let root, case .mapping(let mapping) = root else {
            if let root, !YAMLReader.isNull(root) { throw .invalidYAML }
            keys = []
            return
        }
        keys = mapping.compactMap { key, value in
            guard case .scalar(let scalar) = key, let mark = key.mark else { return nil }
            return Key(name: scalar.string, node: key, value: value, line: mark.line, indent: mark.column - 1)
        }
    }

    func key(_ name: String) -> Key? { keys.first { $0.name == name } }

    /// The last line of `key`'s value: the last line before the next top-level key that is neither
    /// blank nor a comment at or left of the key's column (such comments introduce what follows).
    func lastLine(of key: Key) -> Int {
        var last = key.line
        for index in (key.line + 1)..<closingLine {
            let line = source.content(index)
            let indent = SourceLines.indent(of: line)
            if SourceLines.isBlankOrComment(line) {
                if indent > key.indent, !line.allSatisfy({ $0 == " " || $0 == "\t" }) { last = index }
                continue
            }
            let isIndentlessItem = indent == key.indent && line.dropFirst(indent).hasPrefix("-")
            if indent <= key.indent && !isIndentlessItem { break }
            last = index
        }
        return last
    }

    /// The text after `key:` on its line (value and comment), and the line up to and including the colon.
    func splitAtColon(_ key: Key) -> (head: String, rest: String)? {
        let line = source.content(key.line)
        let scalars = Array(line.unicodeScalars)
        var index = key.indent
        while index < scalars.count, scalars[index] != ":" { index += 1 }
        guard index < scalars.count else { return nil }
        var head = String.UnicodeScalarView()
        head.append(contentsOf: scalars[...index])
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: scalars[(index + 1)...])
        return (String(head), String(rest))
    }
}
