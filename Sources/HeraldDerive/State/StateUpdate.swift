import HeraldCore

/// The newest timeline update of an incident or maintenance, as of the state's `now`.
public struct StateUpdate: Codable, Hashable, Sendable {
    /// The update's stable id; a new id between two states means a new update was posted.
    public var id: String
    /// RFC 3339 UTC.
    public var at: String
    /// The update's message: its Markdown source, trimmed.
    public var message: String

    public init(id: String, at: String, message: String) {
        self.id = id
        self.at = at
        self.message = message
    }
}

/// A maintenance window, as RFC 3339 UTC times.
public struct StateWindow: Codable, Hashable, Sendable {
    public var start: String
    public var end: String

    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }
}
