import Foundation
import HeraldCore
import HeraldLoad
import Yams

extension DocumentParser {
    /// Checks that resolution is final (SPEC §3.2): once an incident is resolved, the next update
    /// must reopen it (`reopened: true`), a reopening needs a resolved incident, and `resolved:`
    /// names the final resolution. Returns when the incident ends: `resolved:`, else its `resolved`
    /// update after the last reopening.
    mutating func checkResolution(
        _ updates: [LocatedUpdate<IncidentPhase>], started: Date?, resolvedField: Date?, resolvedNode: Node?,
        slug: String?
    ) -> Date? {
        let reopenHint =
            "reopen it first with `herald update \(slug ?? "SLUG") --reopen --status investigating --message …`"
        var resolution: Date?
        var lastReopening: Date?
        for located in updates {
            let update = located.update
            if update.reopens {
                if resolution == nil {
                    reader.error(
                        "this update reopens the incident, but it is not resolved at "
                            + "\(Timestamp.format(update.at)); remove `reopened: true`",
                        at: located.reopenedLocation ?? located.atLocation)
                } else if update.status == .resolved {
                    reader.error(
                        "a reopening update needs a status other than `resolved` (investigating, identified "
                            + "or monitoring)", at: located.atLocation)
                }
                resolution = nil
                lastReopening = update.at
            } else if let resolved = resolution {
                reader.error(
                    "this update (\(Timestamp.format(update.at)), `\(update.status.rawValue)`) comes after the "
                        + "incident was resolved at \(Timestamp.format(resolved)); resolution is final: "
                        + reopenHint + ", or add `reopened: true` to the update", at: located.atLocation)
            } else if update.status == .resolved {
                resolution = update.at
            }
        }
        guard let resolvedField, let resolvedNode else { return resolution }
        if let resolution, resolution != resolvedField {
            reader.error(
                "`resolved` is \(Timestamp.format(resolvedField)) but the `resolved` update is at "
                    + "\(Timestamp.format(resolution)); they must be the same time", at: resolvedNode)
        } else if let lastReopening, resolution == nil, resolvedField <= lastReopening {
            reader.error(
                "`resolved` is \(Timestamp.format(resolvedField)) but an update reopened the incident at "
                    + "\(Timestamp.format(lastReopening)); remove `resolved:` while it is open again",
                at: resolvedNode)
        } else if resolution == nil, started.map({ $0 <= resolvedField }) ?? true {
            for located in updates where located.update.at > resolvedField && !located.update.reopens {
                reader.error(
                    "this update (\(Timestamp.format(located.update.at))) comes after `resolved` "
                        + "(\(Timestamp.format(resolvedField))); resolution is final: " + reopenHint,
                    at: located.atLocation)
            }
        }
        return resolvedField
    }
}
