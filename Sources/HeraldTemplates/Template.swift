import HeraldCore

/// A parsed Mustache template: what `TemplateParser` makes of one `*.mustache` file and
/// `TemplateRenderer` renders.
package struct Template: Sendable {
    var nodes: [TemplateNode]
    /// Every partial (`{{> name}}`) and parent (`{{< name}}`) the template names, where it names
    /// it, so a theme can be checked for names that lead nowhere before anything renders.
    package var references: [TemplateReference] = []
}

/// A template named by a partial or parent tag, at the tag's 1-based line and column.
package struct TemplateReference: Sendable, Equatable {
    package var name: String
    package var line: Int
    package var column: Int
}

/// One piece of a template.
indirect enum TemplateNode: Sendable {
    /// Literal bytes, copied as they are (a standalone tag's line is already removed).
    case text([UInt8])
    /// `{{name}}` (HTML-escaped) or `{{{name}}}` / `{{& name}}` (as it is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or with `inverted` `{{^name}}…{{/name}}`.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`; `indentation` is the whitespace before a standalone tag, put before every
    /// line of the partial.
    case partial(String, indentation: [UInt8])
    /// `{{< name}}{{$block}}…{{/block}}{{/name}}`: the named template with these blocks replaced.
    case parent(String, indentation: [UInt8], blocks: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}`: replaced by a parent's block of that name, if any, which gets
    /// `indentation` on every line (see `TemplateParser` for how it is found).
    case block(String, defaultNodes: [TemplateNode], indentation: [UInt8])
}

/// A name as written in a tag: `.`, `a`, `a.b`, `.a` (the current context only), with
/// transforms such as `empty(list)` or `first()`.
struct TemplateName: Sendable, Equatable {
    /// The dotted parts; empty for `.` and for a bare transform such as `first()`.
    var path: [String]
    /// A leading dot: look the first part up in the current context only.
    var anchored: Bool
    /// Transforms from the outside in: `empty(reversed(list))` is `["empty", "reversed"]`.
    var transforms: [String]
    /// The name as written, for matching a section's closing tag.
    var text: String
}
