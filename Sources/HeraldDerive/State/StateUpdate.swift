import Foundation
import HeraldCore

/// The newest timeline update of an incident or maintenance, as of the state's `now`.
package struct StateUpdate: Codable, Hashable, Sendable {
    /// The update's stable id; a new id between two states means a new update was posted.
    package var id: String
    /// RFC 3339 UTC.
    package var at: String
    /// The update's message: its Markdown source, trimmed.
    package var message: String

    package init(id: String, at: String, message: String) {
        self.id = id
        self.at = at
        self.message = message
    }
}

/// A maintenance window, as RFC 3339 UTC times.
package struct StateWindow: Codable, Hashable, Sendable {
    package var start: String
    package var end: String

    package init(start: String, end: String) {
        self.start = start
        self.end = end
    }

    package init(start: Date, end: Date) {
        self.init(start: Timestamp.format(start), end: Timestamp.format(end))
    }
}
