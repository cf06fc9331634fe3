import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `incidents/<slug>/` and `maintenance/<slug>/`: one event with its timeline and Q&A.
struct EventPage: Sendable, Encodable {
    /// A resolved incident's published postmortem.
    struct PostmortemView: Sendable, Encodable {
        var published: String
        var publishedISO: String
        var bodyHTML: String
    }

    struct AffectedView: Sendable, Encodable {
        var name: String
        var badge: StatusBadge
        /// `worst: Major outage, impaired for 2 h 5 min` (incidents; see `AffectedComponent`).
        var affectedDetail: String?
    }

    var layout: PageLayout
    var kind: String
    var title: String
    var badge: StatusBadge
    var impact: String?
    var impactKey: String?
    var affected: [AffectedView]
    var start: String
    var startISO: String
    var end: String?
    var endISO: String?
    var startLabel: String
    var endLabel: String
    var duration: String?
    var cancelled: Bool
    /// The window before its latest reschedule, and its `<time>` values.
    var previousStart: String?
    var previousStartISO: String?
    var previousEnd: String?
    var previousEndISO: String?
    /// A recurring window's rule in words, and its occurrences in the horizon.
    var recurrence: String?
    var occurrences: [OccurrenceView]
    var bodyHTML: String
    var postmortem: PostmortemView?
    var updates: [UpdateView]
    var questions: [QuestionView]
    var related: [EventSummaryView]
    var posts: [PostSummaryView]

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.incidents.map { incident in
            PageJob(
                path: SitePaths.incident(incident.slug), template: "event", reads: reads(context, incident)
            ) {
                model(context, incident)
            }
        }
            + context.site.maintenances.map { maintenance in
                PageJob(
                    path: SitePaths.maintenance(maintenance.slug), template: "event",
                    reads: [.maintenance(maintenance.slug)] + maintenance.related.map { .incident($0) }
                ) {
                    model(context, maintenance)
                }
            }
    }

    /// The incident, the incidents it names and the posts that link it: what `model` shows.
    private static func reads(_ context: RenderContext, _ incident: Incident) -> [PageInputs.Part] {
        [.incident(incident.slug)] + incident.related.map { .incident($0) }
            + (context.postsByIncident[incident.slug] ?? []).map { .post($0.slug) }
    }

    /// `og:description`: what it affects, then the summary of its body.
    private static func shareDescription(_ summary: EventSummaryView, _ body: String?) -> String {
        let affects = "Affects \(summary.components)."
        guard let body, !body.isEmpty else { return affects }
        return "\(affects) \(body)"
    }

    private static func model(_ context: RenderContext, _ incident: Incident) -> EventPage {
        let path = SitePaths.incident(incident.slug)
        let root = RenderContext.root(for: path)
        let rendered = context.content.incidents[incident.slug]
        let summary = context.summary(of: incident, root: root)
        let ongoing = context.status.activeIncidents.contains(incident.slug)
        let history = context.status.incidentHistories[incident.slug] ?? []
        return EventPage(
            layout: context.layout(
                path: path, title: incident.title, description: rendered?.summary, section: .history,
                shareTitle: "\(summary.badge.label) — \(incident.title)",
                shareDescription: shareDescription(summary, rendered?.summary), shareType: .article,
                structuredData: StructuredData.questions(
                    rendered?.questions ?? [], pageURL: context.site.config.baseURL.url(path),
                    title: incident.title)),
            kind: "Incident", title: incident.title, badge: summary.badge, impact: summary.impactLabel,
            impactKey: summary.impactKey,
            affected: history.map {
                AffectedView(
                    name: context.name(of: $0.component),
                    badge: StatusBadge(AffectedText.shownStatus($0, ongoing: ongoing)),
                    affectedDetail: AffectedText.detail(
                        $0, ongoing: ongoing, now: context.status.now, clock: context.clock))
            },
            start: summary.start, startISO: summary.startISO, end: summary.endTime,
            endISO: summary.endTimeISO,
            startLabel: "Started", endLabel: "Resolved",
            duration: incident.resolved.map { DisplayClock.duration(from: incident.started, to: $0) },
            cancelled: false, recurrence: nil, occurrences: [], bodyHTML: rendered?.bodyHTML ?? "",
            postmortem: incident.postmortem.map {
                PostmortemView(
                    published: context.clock.dateTime($0.published),
                    publishedISO: Timestamp.format($0.published),
                    bodyHTML: rendered?.postmortemHTML ?? "")
            },
            updates: context.updateViews(of: incident),
            questions: context.questionViews(rendered?.questions ?? []),
            related: incident.related.compactMap { context.incidentsBySlug[$0] }
                .map { context.summary(of: $0, root: root) },
            posts: (context.postsByIncident[incident.slug] ?? []).map { context.summary(of: $0, root: root) })
    }

    private static func model(_ context: RenderContext, _ maintenance: Maintenance) -> EventPage {
        let path = SitePaths.maintenance(maintenance.slug)
        let root = RenderContext.root(for: path)
        let rendered = context.content.maintenances[maintenance.slug]
        let summary = context.summary(of: maintenance, root: root)
        let previous = maintenance.reschedules.last
        return EventPage(
            layout: context.layout(
                path: path, title: maintenance.title, description: rendered?.summary, section: .history,
                shareTitle: "\(summary.badge.label) — \(maintenance.title)",
                shareDescription: shareDescription(summary, rendered?.summary), shareType: .article,
                structuredData: StructuredData.maintenance(
                    maintenance, description: rendered?.summary, questions: rendered?.questions ?? [],
                    pageURL: context.site.config.baseURL.url(path))),
            kind: "Maintenance", title: maintenance.title, badge: summary.badge, impact: nil, impactKey: nil,
            affected: maintenance.components.map {
                AffectedView(
                    name: context.name(of: $0), badge: StatusBadge(.underMaintenance), affectedDetail: nil)
            },
            start: summary.start, startISO: summary.startISO, end: summary.endTime,
            endISO: summary.endTimeISO,
            startLabel: maintenance.recurrence == nil ? "Window starts" : "This occurrence starts",
            endLabel: maintenance.recurrence == nil ? "Window ends" : "This occurrence ends",
            duration: DisplayClock.duration(from: maintenance.start, to: maintenance.end),
            cancelled: maintenance.cancelled,
            previousStart: previous.map { context.clock.dateTime($0.previousStart) },
            previousStartISO: previous.map { Timestamp.format($0.previousStart) },
            previousEnd: previous.map { context.clock.dateTime($0.previousEnd) },
            previousEndISO: previous.map { Timestamp.format($0.previousEnd) },
            recurrence: maintenance.recurrence.map {
                MaintenanceWording(clock: context.clock).recurrence($0)
            },
            occurrences: occurrences(context, maintenance),
            bodyHTML: rendered?.bodyHTML ?? "",
            postmortem: nil,
            updates: context.updateViews(of: maintenance),
            questions: context.questionViews(rendered?.questions ?? []),
            related: maintenance.related.compactMap { context.incidentsBySlug[$0] }
                .map { context.summary(of: $0, root: root) },
            posts: [])
    }

    /// A recurring window's occurrences in the horizon, the running one marked.
    private static func occurrences(_ context: RenderContext, _ maintenance: Maintenance) -> [OccurrenceView]
    {
        let now = context.status.now
        return (maintenance.recurrence?.horizon(at: now, limit: StateMaintenance.horizon) ?? []).map {
            OccurrenceView(
                start: context.clock.dateTime($0.start), startISO: Timestamp.format($0.start),
                end: context.clock.dateTime($0.end), endISO: Timestamp.format($0.end),
                running: !maintenance.cancelled && $0.start <= now && now < $0.end)
        }
    }
}
