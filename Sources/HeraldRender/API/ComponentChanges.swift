import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// When components last changed, for the `created_at`/`updated_at` Statuspage wants on
/// components and the page, which Herald's content does not state directly. Indexed in one
/// pass over the published content.
///
/// - `first`: the oldest published content date (an incident's start, a maintenance
///   announcement), or `now` for a site without any; every component's `created_at`.
/// - a component's last change: the newest moment at or before `now` at which an incident
///   touching it started, was updated or was resolved, or a maintenance window covering it
///   began or ended (announcing a window does not change a component); `first` if none.
/// - `latest`: the newest of all those moments and of every published maintenance update:
///   the page's `updated_at`.
struct ComponentChanges {
    private(set) var first: Date
    private(set) var latest: Date
    private var lastChange: [ComponentID: Date] = [:]

    init(_ published: PublishedContent) {
        let now = published.now
        let dates =
            published.incidents.map(\.incident.started) + published.maintenances.map(\.published)
        first = min(dates.min() ?? now, now)
        latest = first
        for item in published.incidents {
            let moments = [item.incident.started, item.resolvedAt].compactMap { $0 } + item.updates.map(\.at)
            record(moments, for: item.components)
        }
        for item in published.maintenances {
            let window = item.maintenance.cancelled ? [] : [item.maintenance.start, item.maintenance.end]
            record(window.filter { $0 <= now }, for: item.maintenance.components)
            latest = max(latest, item.updates.last?.at ?? latest)
        }
    }

    func lastChange(of component: ComponentID) -> Date { lastChange[component] ?? first }

    private mutating func record(_ moments: [Date], for components: [ComponentID]) {
        guard let newest = moments.max() else { return }
        latest = max(latest, newest)
        for component in components {
            lastChange[component] = max(lastChange[component] ?? first, newest)
        }
    }
}
