import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// One timeline entry as shown on a page.
struct UpdateView: Sendable, Encodable {
    var id: String
    var phase: String
    var phaseKey: String
    var at: String
    var atISO: String
    var messageHTML: String
    /// e.g. "Cluster A / Inbound mail: Major outage; Cluster A / Webmail: Partial outage".
    /// Optional fields of nested view models have names no enclosing model uses, because
    /// Mustache looks a missing name up in the enclosing contexts.
    var impactChange: String?
    /// The update reopened the resolved incident (`reopened: true`).
    var reopensIncident: Bool
}

/// An incident or maintenance in a list (index, history, cluster pages).
struct EventSummaryView: Sendable, Encodable {
    var kind: String
    var title: String
    var href: String
    var badge: StatusBadge
    var impactLabel: String?
    var impactKey: String
    var start: String
    var startISO: String
    var endTime: String?
    var endTimeISO: String?
    var components: String
    var latestUpdate: UpdateView?
    /// A maintenance's "Rescheduled from …" and "Repeats: …" lines.
    var eventNotes: [String]
}

/// One occurrence of a recurring window, on its page.
struct OccurrenceView: Sendable, Encodable {
    var start: String
    var startISO: String
    var end: String
    var endISO: String
    var running: Bool
}

/// One cell of the cluster × service matrix.
struct MatrixCellView: Sendable, Encodable {
    var service: String
    var offered: Bool
    var cellBadge: StatusBadge?
}

struct MatrixRowView: Sendable, Encodable {
    var cluster: String
    var href: String
    var badge: StatusBadge
    var cells: [MatrixCellView]
}

struct UptimeDayView: Sendable, Encodable {
    var key: String
    /// Tooltip and screen-reader text: "6 Oct 2025: Partial outage, 45 min of downtime".
    var text: String
}

struct UptimeBarView: Sendable, Encodable {
    var name: String
    var percent: String
    var days: [UptimeDayView]
    var firstDay: String
    var lastDay: String
}

struct UptimeGroupView: Sendable, Encodable {
    var cluster: String
    var bars: [UptimeBarView]
}

struct QuestionView: Sendable, Encodable {
    var anchor: String
    var questionHTML: String
    var answerHTML: String
}

struct PostSummaryView: Sendable, Encodable {
    var title: String
    var href: String
    var date: String
    var dateISO: String
    var byline: String?
    var summary: String
    var tags: [LinkView]
}

struct LinkView: Sendable, Encodable {
    var title: String
    var href: String
}

struct PaginationView: Sendable, Encodable {
    var previous: String?
    var next: String?
    var current: Int
    var total: Int
}

/// Items of one month on the history page.
struct MonthView: Sendable, Encodable {
    var title: String
    var events: [EventSummaryView]
}
