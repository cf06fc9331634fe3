import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// An incident, or a scheduled maintenance (which adds `scheduled_for`/`scheduled_until`).
struct StatuspageIncident: Encodable {
    var id: String
    var name: String
    var status: String
    var impact: String
    var createdAt: String
    var updatedAt: String
    @ExplicitNull var monitoringAt: String?
    @ExplicitNull var resolvedAt: String?
    var startedAt: String
    var shortlink: String
    var pageId: String
    /// Newest first.
    var incidentUpdates: [StatuspageIncidentUpdate]
    var components: [StatuspageComponent]
    /// Maintenance only; absent from incidents.
    var scheduledFor: String?
    var scheduledUntil: String?
    /// Herald's own fields beside Statuspage's, maintenance only. `upcoming`, `active`, `completed`
    /// or `cancelled`: Statuspage has no "cancelled", so `status` says `completed` for a called-off window.
    var heraldStatus: String?
    /// The window before its latest reschedule.
    var heraldRescheduledFrom: HeraldWindow?
    /// A recurring window's rule, as an iCalendar RRULE.
    var heraldRecurrence: String?
    /// A recurring window's occurrences: the running one and the next ones.
    var heraldOccurrences: [HeraldWindow]?
    /// Added keys, present once an incident's postmortem is published: its Markdown source and time.
    var postmortemBody: String? = nil
    var postmortemPublishedAt: String? = nil
}

/// A window in the API's spelling of times.
struct HeraldWindow: Encodable {
    var scheduledFor: String
    var scheduledUntil: String
}

/// One timeline entry of an incident or maintenance.
struct StatuspageIncidentUpdate: Encodable {
    var id: String
    var status: String
    /// The Markdown source of the message: Statuspage serves update bodies as plain text.
    var body: String
    var createdAt: String
    var updatedAt: String
    var displayAt: String
    var incidentId: String
    @ExplicitNull var affectedComponents: [StatuspageAffectedComponent]?
    var deliverNotifications: Bool
    @ExplicitNull var customTweet: String?
    @ExplicitNull var tweetId: String?
}

/// A status change an update made to one component.
struct StatuspageAffectedComponent: Encodable {
    var code: String
    var name: String
    var oldStatus: String
    var newStatus: String
}
