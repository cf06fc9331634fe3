import Foundation

/// One move of a maintenance window: the window it had before, and when it was moved
/// (an item of `rescheduled:` in the file, which `herald update --reschedule` appends).
package struct MaintenanceReschedule: Hashable, Sendable, Codable {
    /// When the window was moved.
    package var at: Date
    /// The window's start before the move.
    package var previousStart: Date
    /// The window's end before the move.
    package var previousEnd: Date

    package init(at: Date, previousStart: Date, previousEnd: Date) {
        self.at = at
        self.previousStart = previousStart
        self.previousEnd = previousEnd
    }
}
