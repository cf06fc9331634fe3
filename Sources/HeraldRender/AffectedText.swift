import Foundation
import HeraldCore
import HeraldDerive

/// How pages and feeds word a component an incident affected, so they never disagree.
enum AffectedText {
    /// The status to show beside its name: its status now while the incident is ongoing, else
    /// the worst it reached.
    static func shownStatus(_ affected: AffectedComponent, ongoing: Bool) -> ComponentStatus {
        ongoing ? affected.current : affected.worst
    }

    /// `worst: Major outage, impaired since 6 Oct 2025, 14:35 EDT` (`, and for 10 min before` when
    /// it had recovered once) or `worst: Partial outage, impaired for 1 h 5 min` while ongoing;
    /// `the worst it reached; impaired for 9 h 35 min` once resolved, when the shown status is the
    /// worst. Never a duration that grows with `now`, so pages change only when the content does.
    static func detail(_ affected: AffectedComponent, ongoing: Bool, now: Date, clock: DisplayClock) -> String
    {
        var impaired = "impaired for " + DisplayClock.duration(affected.impairedBefore(now))
        if let since = affected.impairedSince {
            let before = affected.impairedBefore(now)
            impaired =
                "impaired since \(clock.dateTime(since))"
                + (before >= 30 ? ", and for \(DisplayClock.duration(before)) before" : "")
        }
        return ongoing ? "worst: \(affected.worst.label), \(impaired)" : "the worst it reached; \(impaired)"
    }
}
