import Foundation
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldRender

/// The sections `herald postmortem` starts from: `Content/templates/postmortem.md` when the site
/// has one (editable, `herald init` writes it), else the built-in text below, filled in from the
/// incident.
enum PostmortemTemplate {
    /// Where a site keeps its own template, under the content folder.
    static let path = "templates/postmortem.md"

    static let builtIn = """
        ### Summary

        {summary}

        ### Impact

        {impact}

        ### Timeline

        {timeline}

        ### Root cause

        _What caused it, in words a reseller can pass on to their customers._

        ### What we are changing

        _What we are doing so that it does not happen again._

        """

    /// Every placeholder the template may use.
    static let names = ["title", "started", "resolved", "duration", "summary", "impact", "timeline"]

    /// The placeholders and their values for `incident`, as of `now` (one for each of `names`).
    static func values(for incident: Incident, site: AuthoringSite, now: Date) -> [String: String] {
        let clock = DisplayClock(timeZone: site.timeZone)
        let resolved = incident.resolved ?? now
        let impact = incident.affectedHistory(asOf: now).map {
            "- \(site.name(of: $0.component)): \($0.worst.label.lowercased()) at worst, impaired for "
                + DisplayClock.duration($0.impaired)
        }
        let timeline = incident.updates.map { update in
            "- \(clock.dateTime(update.at)): \(update.reopens ? "reopened, " : "")"
                + "\(update.status.label.lowercased()). \(firstSentence(of: update.message.source))"
        }
        let summary = firstParagraph(of: incident.body.source) ?? incident.title
        return [
            "title": incident.title,
            "started": clock.dateTime(incident.started),
            "resolved": clock.dateTime(resolved),
            "duration": DisplayClock.duration(from: incident.started, to: resolved),
            "summary": summary,
            "impact": impact.joined(separator: "\n"),
            "timeline": timeline.joined(separator: "\n"),
        ]
    }

    /// The first paragraph of Markdown source, as it is written.
    private static func firstParagraph(of source: String) -> String? {
        SourceText.normalizeLineEndings(source).components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
    }

    /// The first sentence of the first paragraph, on one line.
    private static func firstSentence(of source: String) -> String {
        let paragraph = (firstParagraph(of: source) ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        guard let end = paragraph.range(of: ". ") else { return paragraph }
        return String(paragraph[..<end.lowerBound]) + "."
    }
}
