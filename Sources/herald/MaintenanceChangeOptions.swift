import ArgumentParser
import Foundation
import HeraldAuthoring
import HeraldCore

/// `herald update`'s options that move or call off a maintenance window.
struct MaintenanceChangeOptions: ParsableArguments {
    @Flag(
        name: .long,
        help: """
            Move a maintenance window to --start/--end; the old window is kept under `rescheduled:` \
            and calendars get the new time under the same UID.
            """)
    var reschedule = false

    @Option(name: .long, help: "With --reschedule: the new window's start, RFC 3339 with an offset.")
    var start: String?

    @Option(name: .long, help: "With --reschedule: the new window's end, RFC 3339 with an offset.")
    var end: String?

    @Flag(name: .long, help: "Call off a maintenance window: sets `cancelled: true` beside the update.")
    var cancel = false

    func validate() throws {
        if reschedule && cancel { throw ValidationError("give --reschedule or --cancel, not both") }
        if !reschedule && (start != nil || end != nil) {
            throw ValidationError("--start and --end go with --reschedule")
        }
        if reschedule {
            guard let start, let end else {
                throw ValidationError("--reschedule needs the new window: --start TIME --end TIME")
            }
            for (name, value) in [("--start", start), ("--end", end)] where Timestamp.parse(value) == nil {
                throw ValidationError(
                    "\(name) must be RFC 3339 with an offset, such as 2025-10-15T06:00:00Z, not `\(value)`")
            }
        }
    }

    /// The change asked for, if any; the times were checked by `validate()`.
    var change: MaintenanceChange? {
        if cancel { return .cancel }
        guard reschedule, let start = start.flatMap(Timestamp.parse), let end = end.flatMap(Timestamp.parse)
        else { return nil }
        return .reschedule(start: start, end: end)
    }
}
