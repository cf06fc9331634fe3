import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate
import Yams

/// Edits an incident's or maintenance's file by inserting or replacing whole lines of its front
/// matter, so comments, key order, quoting and line endings everywhere else stay byte for byte.
/// Each edit re-reads the result and checks it says what was meant (see `AppendCheck`).
enum TimelineAppender {
    enum Failure: Error, Sendable, CustomStringConvertible {
        case layout(FrontMatterLayout.Failure)
        case flowUpdates
        case updatesNotAList
        case unexpectedResult(String)

        var description: String {
            switch self {
            case .layout(.noFrontMatter): "the file has no front matter between `---` lines"
            case .layout(.invalidYAML): "the front matter is not valid YAML; fix it first"
            case .flowUpdates:
                "`updates:` is written as a [flow, list] on one line; rewrite it as a block list "
                    + "(one `- at:` item per update) and try again"
            case .updatesNotAList: "`updates:` is not a list; fix it first"
            case .unexpectedResult(let what):
                "adding the update would have changed more than intended (\(what)); add it by hand"
            }
        }
    }

    /// `text` with `entry` appended to `updates:` (created when absent, turned into a block list
    /// when it is `[]` or empty).
    static func appending(_ entry: TimelineEntry, to text: String) throws(Failure) -> String {
        try appending(to: "updates", text, lines: entry.lines)
    }

    /// `text` with an item appended to the top-level list `name` (created when absent, turned into a
    /// block list when it is `[]` or empty); `lines` writes the item at the given dash and key columns.
    static func appending(
        to name: String, _ text: String, lines: (_ dashIndent: Int, _ keyIndent: Int) -> [String]
    ) throws(Failure) -> String {
        var layout = try read(text)
        guard let key = layout.key(name) else {
            layout.source.insert(["\(name):"] + lines(2, 4), at: layout.closingLine)
            return layout.source.text
        }
        let indent = key.indent
        switch key.value {
        case .sequence(let sequence) where sequence.style == .flow || sequence.isEmpty:
            guard sequence.isEmpty, let rest = emptyFlowRemainder(layout, key) else { throw .flowUpdates }
            try rewriteAsBlockKey(&layout, key, keeping: rest)
            layout.source.insert(lines(indent + 2, indent + 4), at: key.line + 1)
        case .sequence:
            let last = layout.lastLine(of: key)
            let (dash, keys) = itemIndentation(layout, key, through: last)
            layout.source.insert(lines(dash, keys), at: last + 1)
        case let value where YAMLReader.isNull(value):
            guard let rest = layout.splitAtColon(key)?.rest else { throw .updatesNotAList }
            try rewriteAsBlockKey(&layout, key, keeping: commentPart(of: rest))
            layout.source.insert(lines(indent + 2, indent + 4), at: key.line + 1)
        default:
            throw .updatesNotAList
        }
        return layout.source.text
    }

    /// `text` with `resolved: <date>` added after `started:` (or filled in when it is empty).
    static func settingResolved(_ date: Date, in text: String) throws(Failure) -> String {
        var layout = try read(text)
        let line = "resolved: \(Timestamp.format(date))"
        if let key = layout.key("resolved") {
            guard YAMLReader.isNull(key.value), let rest = layout.splitAtColon(key)?.rest else {
                throw .unexpectedResult("`resolved` already has a value")
            }
            let comment = commentPart(of: rest)
            layout.source.replace(key.line, with: String(repeating: " ", count: key.indent) + line + comment)
        } else if let started = layout.key("started") {
            layout.source.insert([String(repeating: " ", count: started.indent) + line], at: started.line + 1)
        } else {
            layout.source.insert([line], at: layout.closingLine)
        }
        return layout.source.text
    }

    /// `text` without its `resolved:` line (a reopening); the value must be on that one line.
    static func removingResolved(in text: String) throws(Failure) -> String {
        var layout = try read(text)
        guard let key = layout.key("resolved") else { return text }
        guard layout.lastLine(of: key) == key.line, case .scalar = key.value else {
            throw .unexpectedResult("`resolved` is written over several lines")
        }
        layout.source.remove(key.line)
        return layout.source.text
    }

    /// `text` with the maintenance window's `start` or `end` (`field`) replaced by `date`, written
    /// in the same quoting.
    static func settingWindow(_ field: String, _ date: Date, in text: String) throws(Failure) -> String {
        var layout = try read(text)
        guard let window = layout.key("window"), case .mapping(let mapping) = window.value,
            let end = mapping.first(where: { $0.key.string == field })?.value,
            case .scalar(let scalar) = end, let mark = end.mark
        else { throw .unexpectedResult("`window.\(field)` could not be found") }
        let index = mark.line
        var scalars = Array(layout.source.content(index).unicodeScalars)
        let start = mark.column - 1
        let quote: [Unicode.Scalar] =
            scalar.style == .doubleQuoted ? ["\""] : scalar.style == .singleQuoted ? ["'"] : []
        let written = quote + Array(scalar.string.unicodeScalars) + quote
        guard start + written.count <= scalars.count, Array(scalars[start..<start + written.count]) == written
        else { throw .unexpectedResult("`window.\(field)` is written in a form Herald does not edit") }
        scalars.replaceSubrange(
            start..<start + written.count, with: quote + Array(Timestamp.format(date).unicodeScalars) + quote)
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars)
        layout.source.replace(index, with: String(line))
        return layout.source.text
    }

    static func read(_ text: String) throws(Failure) -> FrontMatterLayout {
        do {
            return try FrontMatterLayout(text)
        } catch {
            throw .layout(error)
        }
    }

    /// The dash and key columns of the list's first item, so a new item lines up with the others.
    private static func itemIndentation(
        _ layout: FrontMatterLayout, _ key: FrontMatterLayout.Key, through last: Int
    )
        -> (dash: Int, keys: Int)
    {
        for index in (key.line + 1)...max(key.line + 1, last) where index <= last {
            let line = layout.source.content(index)
            guard !SourceLines.isBlankOrComment(line) else { continue }
            let dash = SourceLines.indent(of: line)
            let afterDash = line.dropFirst(dash + 1)
            let gap = afterDash.prefix { $0 == " " }.count
            return (dash, afterDash.count == gap ? dash + 2 : dash + 1 + gap)
        }
        return (key.indent + 2, key.indent + 4)
    }

    /// What follows `[]` on `key: []`, or nil when the line holds more than an empty flow list.
    private static func emptyFlowRemainder(_ layout: FrontMatterLayout, _ key: FrontMatterLayout.Key)
        -> String?
    {
        guard let rest = layout.splitAtColon(key)?.rest else { return nil }
        let trimmed = rest.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("[") else { return nil }
        let inside = trimmed.dropFirst().drop { $0 == " " || $0 == "\t" }
        guard inside.hasPrefix("]") else { return nil }
        return commentPart(of: String(inside.dropFirst()))
    }

    /// The comment at the end of a line's remainder, with the spaces before it; "" when none.
    static func commentPart(of rest: String) -> String {
        guard let hash = rest.firstIndex(of: "#") else { return "" }
        var start = hash
        while start > rest.startIndex,
            rest[rest.index(before: start)] == " " || rest[rest.index(before: start)] == "\t"
        {
            start = rest.index(before: start)
        }
        return start == hash ? " " + rest[hash...] : String(rest[start...])
    }

    /// Turns `key: <empty value>` into `key:` followed by `comment`.
    private static func rewriteAsBlockKey(
        _ layout: inout FrontMatterLayout, _ key: FrontMatterLayout.Key, keeping comment: String
    ) throws(Failure) {
        guard let head = layout.splitAtColon(key)?.head else { throw .updatesNotAList }
        layout.source.replace(key.line, with: head + comment)
    }
}
