import Foundation
import HeraldCore

/// Everything that changed between two builds: `api/changes.json`.
package struct StateChanges: Codable, Hashable, Sendable {
    package static let currentFormat = 1

    package var format: Int
    /// The previous state's `now`; nil on a first build (written as `null`).
    package var previous: Date?
    /// The new state's `now`.
    package var now: Date
    /// Sorted by cluster (site order), audience, kind, then component (site order) or slug.
    package var changes: [Change]
    /// The URLs of the feeds whose bytes changed since the previous state (every feed when it
    /// recorded none), for CI to ping WebSub hubs with; nil when the new state records no feeds.
    package var feeds: [String]?

    package init(
        format: Int = StateChanges.currentFormat, previous: Date?, now: Date, changes: [Change],
        feeds: [String]? = nil
    ) {
        self.format = format
        self.previous = previous
        self.now = now
        self.changes = changes
        self.feeds = feeds
    }

    package var isEmpty: Bool { changes.isEmpty }

    /// Only the changes for `audience` and `cluster` (nil: any).
    package func filtered(audience: Audience?, cluster: String?) -> StateChanges {
        var copy = self
        copy.changes = changes.filter {
            (audience == nil || $0.audience == audience) && (cluster == nil || $0.cluster == cluster)
        }
        return copy
    }

    /// The bytes of `api/changes.json`.
    package func encoded() -> Data { StateJSON.encode(self) }

    /// Reads `api/changes.json` as `encoded()` wrote it.
    package static func decode(_ data: Data) throws -> StateChanges {
        try StateJSON.decoder().decode(StateChanges.self, from: data)
    }

    enum CodingKeys: String, CodingKey {
        case format, previous, now, changes, feeds
    }

    /// Writes `previous` even when nil, so a first build says `"previous": null`.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(previous, forKey: .previous)
        try container.encode(now, forKey: .now)
        try container.encode(changes, forKey: .changes)
        try container.encodeIfPresent(feeds, forKey: .feeds)
    }
}
