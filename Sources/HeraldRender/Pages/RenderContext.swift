import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Everything renderers read, with the lookups they need computed once per build and shared by
/// pages, feeds, API and calendars.
package struct RenderContext: Sendable {
    let site: Site
    let status: SiteStatus
    let content: RenderedContent
    let clock: DisplayClock
    let incidentsBySlug: [String: Incident]
    let maintenancesBySlug: [String: Maintenance]
    /// Incident slug → posts that link it, newest first.
    let postsByIncident: [String: [Post]]
    /// Cluster id → posts that name it, newest first.
    let postsByCluster: [String: [Post]]
    /// Cluster id → incidents touching it, newest first.
    let incidentsByCluster: [String: [Incident]]
    /// Cluster id → maintenance touching it, newest first.
    let maintenancesByCluster: [String: [Maintenance]]
    let clusterNames: [String: String]
    let serviceNames: [String: String]
    /// The content as feeds, API and calendars show it.
    let published: PublishedContent

    package init(site: Site, status: SiteStatus, content: RenderedContent) {
        self.site = site
        self.status = status
        self.content = content
        clock = DisplayClock(timeZone: site.config.timeZone)
        incidentsBySlug = Dictionary(
            site.incidents.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        maintenancesBySlug = Dictionary(
            site.maintenances.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var postsByIncident: [String: [Post]] = [:]
        var postsByCluster: [String: [Post]] = [:]
        for post in site.posts {
            for slug in post.incidents { postsByIncident[slug, default: []].append(post) }
            for cluster in post.clusters { postsByCluster[cluster, default: []].append(post) }
        }
        self.postsByIncident = postsByIncident
        self.postsByCluster = postsByCluster
        var incidentsByCluster: [String: [Incident]] = [:]
        for incident in site.incidents {
            for cluster in Set(incident.allAffectedComponents.map(\.cluster)) {
                incidentsByCluster[cluster, default: []].append(incident)
            }
        }
        self.incidentsByCluster = incidentsByCluster
        var maintenancesByCluster: [String: [Maintenance]] = [:]
        for maintenance in site.maintenances {
            for cluster in Set(maintenance.components.map(\.cluster)) {
                maintenancesByCluster[cluster, default: []].append(maintenance)
            }
        }
        self.maintenancesByCluster = maintenancesByCluster
        clusterNames = Dictionary(
            site.config.clusters.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        serviceNames = Dictionary(
            site.config.services.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        published = PublishedContent(site: site, status: status)
    }

    // MARK: Names

    func name(of component: ComponentID) -> String {
        "\(clusterNames[component.cluster] ?? component.cluster) / \(serviceNames[component.service] ?? component.service)"
    }

    /// "Cluster A: Inbound mail, Webmail · Cluster B: IMAP access"
    func describe(_ components: [ComponentID]) -> String {
        var order: [String] = []
        var services: [String: [String]] = [:]
        for component in components {
            if services[component.cluster] == nil { order.append(component.cluster) }
            services[component.cluster, default: []].append(
                serviceNames[component.service] ?? component.service)
        }
        return order.map { "\(clusterNames[$0] ?? $0): \(services[$0, default: []].joined(separator: ", "))" }
            .joined(separator: " · ")
    }

    func describe(_ impacts: [ComponentImpact]) -> String {
        impacts.map { "\(name(of: $0.component)): \($0.status.label)" }.joined(separator: "; ")
    }

    /// An update's `affected` list in words; an empty one ends every impact.
    func describeChange(_ impacts: [ComponentImpact]) -> String {
        impacts.isEmpty ? Self.allOperational : describe(impacts)
    }

    /// What an empty `affected` list of an update says, on pages and in feeds.
    static let allOperational = "every service operational"

    /// `Reopened: Investigating` for an update that reopens its incident, else the phase's label.
    static func phaseLabel<Phase: TimelinePhase>(of update: TimelineUpdate<Phase>) -> String {
        update.reopens ? "Reopened: " + update.status.label : update.status.label
    }

    // MARK: One cluster

    /// The cluster's ongoing incidents, newest first.
    func activeIncidents(of cluster: Cluster) -> [Incident] {
        let active = Set(status.activeIncidents)
        return (incidentsByCluster[cluster.id] ?? []).filter { active.contains($0.slug) }
    }

    /// The cluster's maintenance windows that are running or still to come (a cancelled one
    /// until it would have ended: see `isCurrent`), as listed.
    func currentMaintenances(of cluster: Cluster) -> [Maintenance] {
        (maintenancesByCluster[cluster.id] ?? []).filter(isCurrent)
    }

    // MARK: View models shared by several pages

    /// The timeline newest first; `latest` of them only (summaries show the newest one).
    func updateViews(of incident: Incident, latest: Int = .max) -> [UpdateView] {
        updateViews(incident.updates.suffix(latest), html: content.incidents[incident.slug]?.updatesHTML)
    }

    func updateViews(of maintenance: Maintenance, latest: Int = .max) -> [UpdateView] {
        updateViews(
            maintenance.updates.suffix(latest), html: content.maintenances[maintenance.slug]?.updatesHTML)
    }

    private func updateViews<Phase: TimelinePhase>(
        _ updates: ArraySlice<TimelineUpdate<Phase>>, html: [String: String]?
    ) -> [UpdateView] {
        updates.reversed().map { update in
            UpdateView(
                id: update.id, phase: Self.phaseLabel(of: update), phaseKey: update.status.rawValue,
                at: clock.dateTime(update.at), atISO: Timestamp.format(update.at),
                messageHTML: html?[update.id] ?? "", impactChange: update.affected.map(describeChange),
                reopensIncident: update.reopens)
        }
    }

    func summary(of incident: Incident, root: String, withLatestUpdate: Bool = false) -> EventSummaryView {
        EventSummaryView(
            kind: "Incident", title: incident.title, href: root + SitePaths.incident(incident.slug),
            badge: StatusBadge(status.phase(of: incident)), impactLabel: incident.impact.label + " impact",
            impactKey: incident.impact.slug,
            start: clock.dateTime(incident.started), startISO: Timestamp.format(incident.started),
            endTime: incident.resolved.map(clock.dateTime),
            endTimeISO: incident.resolved.map(Timestamp.format),
            components: describe(
                (status.incidentHistories[incident.slug] ?? incident.affectedHistory(asOf: status.now)).map(
                    \.component)),
            latestUpdate: withLatestUpdate ? updateViews(of: incident, latest: 1).first : nil, eventNotes: [])
    }

    func summary(of maintenance: Maintenance, root: String, withLatestUpdate: Bool = false)
        -> EventSummaryView
    {
        let state = status.state(of: maintenance)
        return EventSummaryView(
            kind: "Maintenance", title: maintenance.title,
            href: root + SitePaths.maintenance(maintenance.slug),
            badge: StatusBadge(state), impactLabel: nil, impactKey: "maintenance",
            start: clock.dateTime(maintenance.start), startISO: Timestamp.format(maintenance.start),
            endTime: clock.dateTime(maintenance.end), endTimeISO: Timestamp.format(maintenance.end),
            components: describe(maintenance.components),
            latestUpdate: withLatestUpdate ? updateViews(of: maintenance, latest: 1).first : nil,
            eventNotes: notes(on: maintenance))
    }

    /// What a list says under a window besides its time: that it moved, how it recurs.
    func notes(on maintenance: Maintenance) -> [String] {
        let wording = MaintenanceWording(clock: clock)
        return [
            wording.previousWindow(maintenance).map { "Rescheduled from \($0)" },
            maintenance.recurrence.map { "Repeats: " + wording.recurrence($0) },
        ].compactMap { $0 }
    }

    /// Listed as current maintenance (index and cluster pages): running or upcoming, or cancelled
    /// but not yet past the time it would have ended, so readers see it was called off.
    func isCurrent(_ maintenance: Maintenance) -> Bool {
        switch status.state(of: maintenance) {
        case .active, .upcoming: true
        case .cancelled: status.now < maintenance.end
        case .completed: false
        }
    }

    func summary(of post: Post, root: String) -> PostSummaryView {
        PostSummaryView(
            title: post.title, href: root + SitePaths.post(post.slug), date: clock.day(post.date),
            dateISO: Timestamp.format(post.date), byline: post.author,
            summary: content.posts[post.slug]?.summary ?? "",
            tags: post.tags.map { LinkView(title: $0, href: root + SitePaths.tag($0)) })
    }

    func questionViews(_ questions: [RenderedQuestion]) -> [QuestionView] {
        questions.map {
            QuestionView(anchor: $0.anchor, questionHTML: $0.questionHTML, answerHTML: $0.answerHTML)
        }
    }

    func uptimeBar(for component: ComponentID, name: String) -> UptimeBarView? {
        guard let history = status.history[component], let first = history.days.first,
            let last = history.days.last
        else { return nil }
        let days = history.days.map { day in
            guard day.inService else {
                return UptimeDayView(key: "not-in-service", text: "\(clock.day(day.day)): not in service yet")
            }
            let minutes = MinutesText.short(day.downtimeMinutes)
            let downtime = minutes != "0" ? ", \(minutes) min of downtime" : ""
            return UptimeDayView(
                key: day.worst.slug, text: "\(clock.day(day.day)): \(day.worst.label)\(downtime)")
        }
        return UptimeBarView(
            name: name, percent: Self.percent(history.tally), days: days,
            firstDay: clock.day(first.day),
            lastDay: clock.day(last.day))
    }

    /// `99.95%` (see `UptimeTally.percentText`), or "no data" when nothing was counted.
    static func percent(_ tally: UptimeTally) -> String {
        tally.percentText.map { "\($0)%" } ?? "no data"
    }
}
