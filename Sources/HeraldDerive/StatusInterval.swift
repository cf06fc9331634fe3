import Foundation
import HeraldCore

/// A half-open stretch of time `[start, end)` during which one incident or maintenance window gives
/// one component a status.
struct StatusInterval: Hashable, Sendable {
    var start: Date
    var end: Date
    var status: ComponentStatus
    /// The incident behind it; nil for maintenance.
    var incident: String?
}
