import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate
import Yams

/// `herald update SLUG --reschedule --start … --end …` or `--cancel`: besides the update, move a
/// maintenance window (keeping the old one under `rescheduled:`) or call it off (`cancelled: true`).
package enum MaintenanceChange: Sendable, Equatable {
    case reschedule(start: Date, end: Date)
    case cancel
}

extension UpdatePlan {
    /// Checks the change makes sense for `maintenance` as of `now`, and records what to edit.
    mutating func plan(_ change: MaintenanceChange, of maintenance: Maintenance, now: Date, closes: Bool)
        throws
    {
        func refuse(_ reason: String) -> UpdateFailure { .maintenanceChange(reason) }
        if closes {
            throw refuse(
                "--resolve (or a `completed` update) ends a window; it cannot also move or cancel it")
        }
        if maintenance.cancelled { throw refuse("the maintenance is already cancelled") }
        let ended = maintenance.recurrence == nil && maintenance.end <= now
        switch change {
        case .cancel:
            if ended {
                throw refuse(
                    "the window ended at \(Timestamp.format(maintenance.end)); there is nothing to cancel")
            }
            cancel = true
        case .reschedule(let start, let end):
            if maintenance.recurrence != nil {
                throw refuse(
                    "`\(maintenance.slug)` recurs; edit its `window` or `repeat`, or skip one occurrence with `skip:`"
                )
            }
            if ended {
                throw refuse("the window ended at \(Timestamp.format(maintenance.end)); schedule a new one")
            }
            guard start < end else {
                throw refuse(
                    "the new window must end after it starts (--start \(Timestamp.format(start)), --end \(Timestamp.format(end)))"
                )
            }
            guard start != maintenance.start || end != maintenance.end else {
                throw refuse(
                    "the window already runs from \(Timestamp.format(start)) to \(Timestamp.format(end))")
            }
            reschedule = MaintenanceReschedule(
                at: now, previousStart: maintenance.start, previousEnd: maintenance.end)
            newWindow = MaintenanceOccurrence(start: start, end: end)
        }
    }
}

extension TimelineAppender {
    /// `text` with the plan's window move or cancellation written in: the new `window` times and a
    /// `rescheduled:` item, or `cancelled: true`.
    static func applying(_ plan: UpdatePlan, to text: String) throws(Failure) -> String {
        var edited = text
        if let reschedule = plan.reschedule, let window = plan.newWindow {
            edited = try settingWindow("start", window.start, in: edited)
            edited = try settingWindow("end", window.end, in: edited)
            edited = try appending(to: "rescheduled", edited) { dashIndent, keyIndent in
                let dash = String(repeating: " ", count: dashIndent)
                let keys = String(repeating: " ", count: keyIndent)
                return [
                    dash + "-" + String(repeating: " ", count: keyIndent - dashIndent - 1)
                        + "at: \(Timestamp.format(reschedule.at))",
                    keys + "start: \(Timestamp.format(reschedule.previousStart))",
                    keys + "end: \(Timestamp.format(reschedule.previousEnd))",
                ]
            }
        }
        if plan.cancel { edited = try settingCancelled(in: edited) }
        return edited
    }

    /// `text` with `cancelled: true`: the `cancelled:` line's value replaced (its comment kept), or the
    /// line added before the closing `---`.
    private static func settingCancelled(in text: String) throws(Failure) -> String {
        var layout: FrontMatterLayout
        do {
            layout = try FrontMatterLayout(text)
        } catch {
            throw .layout(error)
        }
        if let key = layout.key("cancelled") {
            guard let (head, rest) = layout.splitAtColon(key) else {
                throw .unexpectedResult("`cancelled` could not be read")
            }
            let comment = commentPart(of: rest)
            layout.source.replace(key.line, with: head + " true" + comment)
        } else {
            layout.source.insert(["cancelled: true"], at: layout.closingLine)
        }
        return layout.source.text
    }
}

extension AppendCheck {
    /// The keys a window move or cancellation may change.
    static let maintenanceKeys: Set<String> = ["rescheduled", "cancelled"]

    /// `rescheduled:` gained exactly the planned item and `cancelled` says what was meant.
    func checkMaintenanceChange(old: [String: Node], new: [String: Node]) throws(TimelineAppender.Failure) {
        let before = old["rescheduled"].flatMap { $0.sequence.map(Array.init) } ?? []
        let after = new["rescheduled"].flatMap { $0.sequence.map(Array.init) } ?? []
        if let reschedule {
            guard after.count == before.count + 1, Array(after.dropLast()) == before,
                let item = after.last?.mapping, item.count == 3,
                item["at"]?.string == Timestamp.format(reschedule.at),
                item["start"]?.string == Timestamp.format(reschedule.previousStart),
                item["end"]?.string == Timestamp.format(reschedule.previousEnd)
            else { throw .unexpectedResult("`rescheduled` did not read back as meant") }
        } else if old["rescheduled"] != new["rescheduled"] {
            throw .unexpectedResult("`rescheduled` changed")
        }
        if cancel {
            guard new["cancelled"]?.string == "true" else {
                throw .unexpectedResult("`cancelled` was not set")
            }
        } else if old["cancelled"] != new["cancelled"] {
            throw .unexpectedResult("`cancelled` changed")
        }
    }
}
