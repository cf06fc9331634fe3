/// What to do about the YAML mistakes people make most, which libyaml names only by the
/// parser's own terms ("found character that cannot start any token").
enum YAMLHints {
    /// A hint for `problem` (libyaml's words) on the source line `line`, or nil.
    static func hint(for problem: String, line: String) -> String? {
        let indentation = line.prefix { $0 == " " || $0 == "\t" }
        if problem.contains("cannot start any token") {
            if indentation.contains("\t") { return "indent with spaces: YAML does not allow tabs there" }
            return "a value starting with `@`, `` ` `` or `%` must be in quotes"
        }
        if problem.contains("mapping values are not allowed") {
            return "a value holding `: ` must be in quotes (\"…\"), or written as a block: `|` and "
                + "the text on the lines below, indented"
        }
        if problem.contains("found a tab character") {
            return "indent with spaces: YAML does not allow tabs there"
        }
        return nil
    }
}
