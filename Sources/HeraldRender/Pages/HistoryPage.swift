import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `history/` and `history/page/N/`: every incident and maintenance, newest first, by month.
struct HistoryPage: Sendable, Encodable {
    var layout: PageLayout
    var months: [MonthView]
    var pagination: PaginationView?
    var isEmpty: Bool

    static let pageSize = 25

    static func jobs(_ context: RenderContext) -> [PageJob] {
        // Both lists are already newest first; merge them instead of sorting the union.
        var events: [(date: Date, slug: String, isIncident: Bool)] = []
        events.reserveCapacity(context.site.incidents.count + context.site.maintenances.count)
        let incidents = context.site.incidents
        let maintenances = context.site.maintenances
        var nextIncident = 0
        var nextMaintenance = 0
        while nextIncident < incidents.count || nextMaintenance < maintenances.count {
            if nextMaintenance == maintenances.count
                || (nextIncident < incidents.count
                    && incidents[nextIncident].started >= maintenances[nextMaintenance].start)
            {
                events.append((incidents[nextIncident].started, incidents[nextIncident].slug, true))
                nextIncident += 1
            } else {
                events.append(
                    (maintenances[nextMaintenance].start, maintenances[nextMaintenance].slug, false))
                nextMaintenance += 1
            }
        }

        let isEmpty = events.isEmpty
        return context.paginate(events, size: pageSize, path: SitePaths.historyPage).map { page in
            // What the page shows is its events' summaries (their items' digests cover them),
            // grouped by the months of their dates, and where it is in the pagination.
            let number = page.pagination.map { "page \($0.current) of \($0.total)" } ?? "the only page"
            let reads: [PageInputs.Part] =
                [.shown(number)]
                + page.items.map { $0.isIncident ? .incident($0.slug) : .maintenance($0.slug) }
            return PageJob(path: page.path, template: "history", reads: reads) {
                let root = RenderContext.root(for: page.path)
                var months: [MonthView] = []
                var currentKey = -1
                for event in page.items {
                    let key = context.clock.monthKey(event.date)
                    if key != currentKey {
                        months.append(MonthView(title: context.clock.month(event.date), events: []))
                        currentKey = key
                    }
                    let summary =
                        event.isIncident
                        ? context.incidentsBySlug[event.slug].map { context.summary(of: $0, root: root) }
                        : context.maintenancesBySlug[event.slug].map { context.summary(of: $0, root: root) }
                    if let summary { months[months.count - 1].events.append(summary) }
                }
                let title = page.pagination.map { "History, page \($0.current) of \($0.total)" } ?? "History"
                return HistoryPage(
                    layout: context.layout(path: page.path, title: title, section: .history), months: months,
                    pagination: page.pagination, isEmpty: isEmpty)
            }
        }
    }
}
