import Foundation
import HeraldCore

/// The newest timeline update of an incident or maintenance, as of the state's `now`.
package struct StateUpdate: Codable, Hashable, Sendable {
    /// The update's stable id; a new id between two states means a new update was posted.
    package var id: String
    package var at: Date
    /// The update's message: its Markdown source, trimmed.
    package var message: String

    package init(id: String, at: Date, message: String) {
        self.id = id
        self.at = Timestamp.wholeSeconds(at)
        self.message = message
    }
}

/// A maintenance window, in whole seconds.
package struct StateWindow: Codable, Hashable, Sendable {
    package var start: Date
    package var end: Date

    package init(start: Date, end: Date) {
        self.start = Timestamp.wholeSeconds(start)
        self.end = Timestamp.wholeSeconds(end)
    }
}
