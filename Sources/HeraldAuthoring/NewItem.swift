import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// What `herald new` is asked to write.
package struct NewItem: Sendable {
    package enum Kind: String, CaseIterable, Sendable {
        case incident, maintenance, post

        var contentKind: ContentKind {
            switch self {
            case .incident: .incident
            case .maintenance: .maintenance
            case .post: .post
            }
        }
    }

    package var kind: Kind
    package var title: String
    package var now: Date
    /// Cluster ids; empty means the first cluster of `site.yml`.
    package var clusters: [String]
    /// Service ids for every cluster; empty means all of each cluster's services.
    package var services: [String]
    /// An incident's component status (`degraded-performance|partial-outage|major-outage`).
    package var status: String
    /// An incident's impact; nil leaves it derived.
    package var impact: String?
    /// A maintenance window; nil start means an hour from now, nil end two hours after the start.
    package var windowStart: Date?
    package var windowEnd: Date?
    /// `--template NAME`: start from `Content/templates/<incident|maintenance>/NAME.md`.
    package var template: String?

    package init(
        kind: Kind, title: String, now: Date, clusters: [String] = [], services: [String] = [],
        status: String? = nil, impact: String? = nil, windowStart: Date? = nil, windowEnd: Date? = nil,
        template: String? = nil
    ) {
        self.template = template
        self.kind = kind
        self.title = title
        self.now = now
        self.clusters = clusters
        self.services = services
        self.status = status ?? "partial-outage"
        self.impact = impact
        self.windowStart = windowStart
        self.windowEnd = windowEnd
    }

    /// The window `herald new maintenance` writes: the given times, else the next whole hour after
    /// now plus one hour, for two hours.
    var window: (start: Date, end: Date) {
        let nextHour = (now.timeIntervalSince1970 / 3600).rounded(.down) * 3600 + 7200
        let start = windowStart ?? Date(timeIntervalSince1970: nextHour)
        return (start, windowEnd ?? start.addingTimeInterval(7200))
    }

    /// The instant the file name's date comes from: the window's start for maintenance, else now.
    var dated: Date { kind == .maintenance ? window.start : now }
}
