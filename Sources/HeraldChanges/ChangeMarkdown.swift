import Foundation
import HeraldCore
import HeraldDerive

/// The Markdown form of a diff.
enum ChangeMarkdown {
    static func render(_ changes: StateChanges) -> String {
        lines(changes).map(ChangeText.oneLine).joined(separator: "\n")
    }

    /// The lines of the message; the last one is empty, so the message ends with a line break.
    private static func lines(_ changes: StateChanges) -> [String] {
        var lines = ["# Status changes", ""]
        let asOf = ChangeText.time(changes.now)
        guard let previous = changes.previous else {
            return lines + ["First build, as of \(asOf): no previous state to compare with.", ""]
        }
        let span = "since \(ChangeText.time(previous)), as of \(asOf)"
        guard !changes.isEmpty else {
            return lines + ["No changes \(span).", ""]
        }
        lines += ["Changes \(span).", ""]
        var cluster: String?
        for group in ChangeGroup.groups(changes.changes) {
            if group.cluster != cluster {
                lines += ["## \(escape(group.clusterName))", ""]
                cluster = group.cluster
            }
            lines += ["### \(group.audience == .emergency ? "Emergency" : "Maintenance")", ""]
            for change in group.changes {
                lines += item(change)
            }
            lines.append("")
        }
        return lines
    }

    /// A list item, followed by the latest update quoted under it.
    private static func item(_ change: Change) -> [String] {
        if change.kind == .componentStatus {
            let causes = (change.causes ?? []).map { link($0.title, $0.url) }
            let suffix = causes.isEmpty ? "" : " (\(causes.joined(separator: ", ")))"
            return [
                "- **\(escape(change.serviceName ?? change.service ?? "")):** \(ChangeText.transition(change))\(suffix)"
            ]
        }
        let title = change.url.map { link(change.title ?? "", $0) } ?? escape(change.title ?? "")
        let detail = ChangeText.detail(change).map { " (\($0))" } ?? ""
        var lines = ["- **\(ChangeText.kindHeading(change.kind)):** \(title)\(detail)"]
        if let update = change.update, !update.message.isEmpty {
            lines += ["", "  > Latest update, \(ChangeText.time(update.at)):", "  >"]
            lines += update.message.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.isEmpty ? "  >" : "  > \($0)"
            }
        }
        return lines
    }

    private static func link(_ title: String, _ url: String) -> String {
        let destination = url.replacingOccurrences(of: " ", with: "%20")
            .replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
        return "[\(escape(title))](\(destination))"
    }

    /// Backslash-escapes the ASCII punctuation that could start Markdown syntax in inline text.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#!|~&".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
