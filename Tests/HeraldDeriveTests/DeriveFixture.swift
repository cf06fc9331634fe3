import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

/// Builders for the Derive tests: content made straight from the model initialisers.
/// Clusters: `a` (inbound, outbound, webmail) and `b` (inbound, outbound).
enum DeriveFixture {
    /// 2025-10-06T00:00:00Z, a Monday; tests count hours from here.
    static let day0 = Date(timeIntervalSince1970: 1_759_708_800)

    static func hours(_ value: Double) -> Date { day0.addingTimeInterval(value * 3600) }

    static func date(_ rfc3339: String) throws -> Date {
        try Date(rfc3339, strategy: .iso8601)
    }

    static let inboundA = ComponentID(cluster: "a", service: "inbound")
    static let outboundA = ComponentID(cluster: "a", service: "outbound")
    static let webmailA = ComponentID(cluster: "a", service: "webmail")
    static let inboundB = ComponentID(cluster: "b", service: "inbound")
    static let outboundB = ComponentID(cluster: "b", service: "outbound")

    static func text(_ source: String = "") -> MarkdownText {
        MarkdownText(source, at: SourceLocation(path: "test.md", line: 1, column: 1))
    }

    static func config(historyDays: Int = 7, timeZone: TimeZone = .gmt) throws -> SiteConfig {
        SiteConfig(
            title: "Example Mail Status", baseURL: try #require(BaseURL("https://status.example.com/")),
            timeZone: timeZone, historyDays: historyDays,
            clusters: [
                Cluster(id: "a", name: "Cluster A", serviceIDs: ["inbound", "outbound", "webmail"]),
                Cluster(id: "b", name: "Cluster B", serviceIDs: ["inbound", "outbound"]),
            ],
            services: [
                Service(id: "inbound", name: "Inbound mail"),
                Service(id: "outbound", name: "Outbound mail"),
                Service(id: "webmail", name: "Webmail"),
            ])
    }

    static func site(
        historyDays: Int = 7, timeZone: TimeZone = .gmt, incidents: [Incident] = [],
        maintenances: [Maintenance] = [], posts: [Post] = []
    ) throws -> Site {
        Site(
            config: try config(historyDays: historyDays, timeZone: timeZone), incidents: incidents,
            maintenances: maintenances, posts: posts)
    }

    static func hit(_ component: ComponentID, _ status: ComponentStatus) -> ComponentImpact {
        ComponentImpact(component: component, status: status)
    }

    static func update(
        _ at: Date, _ phase: IncidentPhase = .identified, affected: [ComponentImpact]? = nil
    ) -> IncidentUpdate {
        IncidentUpdate(at: at, status: phase, message: text("Update"), affected: affected, id: "\(at)")
    }

    /// An incident; `impact` defaults to the one derived from the worst status it ever gives.
    static func incident(
        _ slug: String, started: Date, resolved: Date? = nil, impact: Impact? = nil,
        affected: [ComponentImpact], updates: [IncidentUpdate] = [], related: [String] = []
    ) -> Incident {
        Incident(
            slug: slug, title: slug, started: started, resolved: resolved,
            impact: impact ?? Incident.derivedImpact(affected: affected, updates: updates),
            affected: affected, updates: updates, questions: [], related: related, body: text(),
            source: "Content/incidents/\(slug).md", impactIsDeclared: impact != nil)
    }

    static func maintenance(
        _ slug: String, start: Date, end: Date, cancelled: Bool = false, components: [ComponentID],
        updates: [MaintenanceUpdate] = [], related: [String] = []
    ) -> Maintenance {
        Maintenance(
            slug: slug, title: slug, start: start, end: end, cancelled: cancelled, components: components,
            updates: updates, questions: [], related: related, body: text(),
            source: "Content/maintenance/\(slug).md")
    }

    static func maintenanceUpdate(_ at: Date, _ phase: MaintenancePhase) -> MaintenanceUpdate {
        MaintenanceUpdate(at: at, status: phase, message: text("Update"), affected: nil, id: "\(at)")
    }

    static func post(_ slug: String, date: Date, incidents: [String] = []) -> Post {
        Post(
            slug: slug, title: slug, date: date, author: nil, summary: nil, tags: [], clusters: [],
            incidents: incidents, questions: [], body: text(), source: "Content/blog/\(slug).md")
    }

    /// The state of one component in a derived status.
    static func state(_ status: SiteStatus, _ component: ComponentID) throws -> ComponentState {
        try #require(status.components.first { $0.component == component })
    }
}
