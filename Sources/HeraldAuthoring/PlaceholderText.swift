import HeraldCore

/// Prepared texts with `{name}` placeholders (incident and maintenance templates, the postmortem
/// template): each is replaced by its value; a name that is not one of `values` is an error at its
/// line and column, all of them collected. Braces around anything else (`{start: …}`, `{ }`) are
/// left as they are.
struct PlaceholderText {
    /// A template that names placeholders it cannot fill: one diagnostic each.
    struct Unknown: Error, Sendable, CustomStringConvertible {
        var diagnostics: [Diagnostic]
        var description: String {
            "the template has unknown placeholders:\n"
                + diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    /// The template's text and how diagnostics name its file.
    var text: String
    var path: String

    /// The text with every placeholder replaced; `values` keys are names without braces.
    func filled(_ values: [String: String]) throws(Unknown) -> String {
        var result = ""
        var diagnostics: [Diagnostic] = []
        var line = 1
        var column = 1
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{", let end = Self.placeholderEnd(scalars, from: index) {
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                if let value = values[name] {
                    result += value
                } else {
                    let known = values.keys.sorted()
                    diagnostics.append(
                        .error(
                            at: SourceLocation(path: path, line: line, column: column),
                            "unknown placeholder `{\(name)}`; the placeholders are "
                                + known.map { "`{\($0)}`" }.joined(separator: ", ")
                                + Suggestion.sentence(for: name, in: known)))
                }
                column += end + 1 - index
                index = end + 1
                continue
            }
            result.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        guard diagnostics.isEmpty else { throw Unknown(diagnostics: diagnostics) }
        return result
    }

    /// The index of the `}` closing a placeholder that starts at `start` (`{` then letters, digits
    /// and `_`, starting with a letter), or nil.
    private static func placeholderEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        guard index < scalars.count, ("a"..."z").contains(scalars[index]) else { return nil }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "}" { return index }
            guard ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" else {
                return nil
            }
            index += 1
        }
        return nil
    }
}
