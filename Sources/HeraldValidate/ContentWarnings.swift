import Foundation
import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// Warnings about content that is valid but probably not what readers should see: a post with
/// nothing to summarise it, and (as of `now`) incidents left without news or dated in the future.
enum ContentWarnings {
    /// A post with no `summary` and no paragraph in its body: lists and feeds would show it bare.
    /// It depends on the post alone, so its parse gives it (and the parse memo keeps it): looking
    /// for a first paragraph in every post on every build was 0.12 s at 2,000 posts.
    static func missingSummary(_ post: Post) -> Diagnostic? {
        guard post.summary == nil,
            MarkdownRenderer(options: MarkdownOptions()).firstParagraphText(post.body.source).isEmpty
        else { return nil }
        return .warning(
            at: post.body.location,
            "this post has no `summary` and no first paragraph to take one from; lists and feeds will show "
                + "no summary: add `summary:` or a paragraph")
    }

    /// Incidents that start after `now`, and ongoing ones whose latest update (or start) is older
    /// than `staleAfter`. Drafts are left out: nobody reads them yet.
    static func timelines(_ documents: [ParsedDocument], now: Date, staleAfter: TimeInterval) -> [Diagnostic]
    {
        var warnings: [Diagnostic] = []
        for document in documents where !document.isDraft {
            guard case .incident(let incident) = document.item, let started = document.startedLocation else {
                continue
            }
            if incident.started > now {
                warnings.append(
                    .warning(
                        at: started,
                        "the incident starts in the future (\(Timestamp.format(incident.started)), as of "
                            + "\(Timestamp.format(now))); it stays off the site until then: check the date and offset"
                    ))
                continue
            }
            if let resolved = incident.resolved, resolved <= now { continue }
            let posted = incident.updates.indices.last { incident.updates[$0].at <= now }
            let last = posted.map { incident.updates[$0].at } ?? incident.started
            guard now.timeIntervalSince(last) > staleAfter else { continue }
            let location = posted.flatMap {
                document.updateLocations.indices.contains($0) ? document.updateLocations[$0] : nil
            }
            warnings.append(
                .warning(
                    at: location ?? started,
                    "the incident is ongoing and has had no update for \(duration(now.timeIntervalSince(last))) "
                        + "(since \(Timestamp.format(last))); post one with `herald update \(incident.slug) --status … "
                        + "--message …`, or resolve it"))
        }
        return warnings
    }

    /// `5 h 10 min`, `45 min`, `2 d 3 h`.
    static func duration(_ interval: TimeInterval) -> String {
        let minutes = Int(interval / 60)
        let (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
        if hours > 0 { return rest > 0 ? "\(hours) h \(rest) min" : "\(hours) h" }
        return "\(rest) min"
    }
}
