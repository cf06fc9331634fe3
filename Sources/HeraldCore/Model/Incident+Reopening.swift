import Foundation

/// A stretch during which an incident stood resolved before an update reopened it.
package struct ResolvedStretch: Hashable, Sendable {
    package var resolved: Date
    package var reopened: Date

    package init(resolved: Date, reopened: Date) {
        self.resolved = resolved
        self.reopened = reopened
    }
}

extension Incident {
    /// When the timeline `updates` (oldest first) leaves the incident resolved: its `resolved` update
    /// after the last reopening, or nil while a reopening (or no resolution at all) is the last word.
    package static func resolution(of updates: [IncidentUpdate]) -> Date? {
        var resolution: Date?
        for update in updates {
            if update.reopens {
                resolution = nil
            } else if update.status == .resolved, resolution == nil {
                resolution = update.at
            }
        }
        return resolution
    }

    /// The times the incident stood resolved and was then reopened, oldest first: a `resolved` update
    /// followed by a reopening update.
    package var resolvedStretches: [ResolvedStretch] {
        var stretches: [ResolvedStretch] = []
        var resolution: Date?
        for update in updates {
            if update.reopens, let resolved = resolution {
                stretches.append(ResolvedStretch(resolved: resolved, reopened: update.at))
                resolution = nil
            } else if update.status == .resolved, resolution == nil {
                resolution = update.at
            }
        }
        return stretches
    }

    /// True when the incident is resolved at `now` (during a stretch before a reopening, or after its
    /// final resolution).
    package func isResolved(at now: Date) -> Bool {
        if let resolved, resolved <= now { return true }
        return resolvedStretches.contains { $0.resolved <= now && now < $0.reopened }
    }

    /// The newest reopening update at or before `now`, if the incident was ever reopened by then.
    package func latestReopening(asOf now: Date) -> IncidentUpdate? {
        updates.last { $0.reopens && $0.at <= now }
    }
}
