import Foundation
import HeraldCore
import HeraldDerive

/// Sites, hand-made statuses and states for the state, diff, changes and email suites.
///
/// Two clusters (`a`, `b`) with the same five services; components are written `a/inbound`.
package enum StateFixtures {
    package static let baseURL: BaseURL = {
        guard let url = BaseURL("https://status.example.com/") else { preconditionFailure("fixture URL") }
        return url
    }()

    package static let services = [
        Service(id: "inbound", name: "Inbound mail"), Service(id: "outbound", name: "Outbound mail"),
        Service(id: "webmail", name: "Webmail"), Service(id: "imap", name: "IMAP"),
        Service(id: "pop", name: "POP"),
    ]

    package static func config(clusterA: String = "Cluster A", clusterB: String = "Cluster B") -> SiteConfig {
        let ids = services.map(\.id)
        return SiteConfig(
            title: "Example Mail Status", baseURL: baseURL,
            clusters: [
                Cluster(id: "a", name: clusterA, serviceIDs: ids),
                Cluster(id: "b", name: clusterB, serviceIDs: ids),
            ],
            services: services)
    }

    package static func time(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? .distantPast
    }

    package static func component(_ key: String) -> ComponentID {
        let parts = key.split(separator: "/").map(String.init)
        return ComponentID(cluster: parts.first ?? "", service: parts.last ?? "")
    }

    package static func impacts(_ pairs: [(String, ComponentStatus)]) -> [ComponentImpact] {
        pairs.map { ComponentImpact(component: component($0.0), status: $0.1) }
    }

    package static func text(_ source: String) -> MarkdownText {
        MarkdownText(source, at: SourceLocation(path: "test.md", line: 1, column: 1))
    }

    package struct Update {
        package var at: String
        package var status: IncidentPhase
        package var message: String
        package var affected: [(String, ComponentStatus)]? = nil
    }

    package static func incident(
        _ slug: String, title: String, started: String, resolved: String? = nil, impact: Impact = .major,
        affected: [(String, ComponentStatus)], updates: [Update] = []
    ) -> Incident {
        Incident(
            slug: slug, title: title, started: time(started), resolved: resolved.map(time), impact: impact,
            affected: impacts(affected),
            updates: updates.enumerated().map { index, update in
                IncidentUpdate(
                    at: time(update.at), status: update.status, message: text(update.message),
                    affected: update.affected.map(impacts), id: "\(update.at)-\(index)")
            },
            questions: [], related: [], body: text(""), source: "Content/incidents/\(slug).md")
    }

    package static func maintenance(
        _ slug: String, title: String, start: String, end: String, cancelled: Bool = false,
        components: [String],
        updates: [(at: String, status: MaintenancePhase, message: String)] = []
    ) -> Maintenance {
        Maintenance(
            slug: slug, title: title, start: time(start), end: time(end), cancelled: cancelled,
            components: components.map(component),
            updates: updates.enumerated().map { index, update in
                MaintenanceUpdate(
                    at: time(update.at), status: update.status, message: text(update.message), affected: nil,
                    id: "\(update.at)-\(index)")
            },
            questions: [], related: [], body: text(""), source: "Content/maintenance/\(slug).md")
    }

    /// One component's hand-made status: the status and the incident and maintenance slugs behind it.
    package struct Cell {
        package var status: ComponentStatus
        package var incidents: [String] = []
        package var maintenance: [String] = []
    }

    /// A hand-made `SiteStatus`: unlisted components are operational; open incidents are the keys
    /// of `phases`; each incident's impacts default to the cells naming it.
    package static func status(
        _ site: Site, now: String, cells: [String: Cell] = [:], phases: [String: IncidentPhase] = [:],
        impacts: [String: [(String, ComponentStatus)]] = [:], maintenance: [String: MaintenanceState] = [:]
    ) -> SiteStatus {
        let components = site.config.components.map { id in
            let cell = cells[id.description] ?? Cell(status: .operational)
            return ComponentState(
                component: id, status: cell.status, incidents: cell.incidents, maintenances: cell.maintenance)
        }
        var clusters: [String: ComponentStatus] = [:]
        for state in components {
            clusters[state.component.cluster] = max(
                clusters[state.component.cluster] ?? .operational, state.status)
        }
        var incidentImpacts: [String: [ComponentImpact]] = [:]
        for slug in phases.keys {
            incidentImpacts[slug] =
                impacts[slug].map(Self.impacts)
                ?? components.filter { $0.incidents.contains(slug) }.map {
                    ComponentImpact(component: $0.component, status: $0.status)
                }
        }
        let worst = components.map(\.status).max() ?? .operational
        let indicator: Indicator =
            switch worst {
            case .operational: .none
            case .underMaintenance: .maintenance
            case .degradedPerformance: .minor
            case .partialOutage: .major
            case .majorOutage: .critical
            }
        return SiteStatus(
            now: time(now), components: components, clusters: clusters, indicator: indicator,
            incidentPhases: phases, incidentImpacts: incidentImpacts, activeIncidents: phases.keys.sorted(),
            maintenanceStates: maintenance, history: [:])
    }

    package static func site(
        incidents: [Incident] = [], maintenance: [Maintenance] = [], config: SiteConfig = config()
    )
        -> Site
    {
        Site(config: config, incidents: incidents, maintenances: maintenance, posts: [])
    }

    package static func state(
        _ site: Site, now: String, cells: [String: Cell] = [:], phases: [String: IncidentPhase] = [:],
        impacts: [String: [(String, ComponentStatus)]] = [:], maintenance: [String: MaintenanceState] = [:]
    ) -> SiteState {
        SiteState.make(
            site: site,
            status: status(
                site, now: now, cells: cells, phases: phases, impacts: impacts, maintenance: maintenance))
    }

    // MARK: The October incident on Cluster A

    package static let octoberSlug = "2025-10-06-cluster-a-email"
    package static let octoberTitle = "Cluster A email service issues"
    package static let mailboxServices = ["a/inbound", "a/webmail", "a/imap", "a/pop"]

    package static func october(updates: [Update], resolved: String? = nil) -> Incident {
        incident(
            octoberSlug, title: octoberTitle, started: "2025-10-06T17:30:00Z", resolved: resolved,
            affected: mailboxServices.map { ($0, .partialOutage) }, updates: updates)
    }

    package static let investigating = Update(
        at: "2025-10-06T17:40:00Z", status: .investigating,
        message: "Resellers on Cluster A report failed logins to webmail, POP and IMAP.\n")

    package static let identified = Update(
        at: "2025-10-06T19:00:00Z", status: .identified,
        message: "We found the cause. Inbound mail is queued; no mail is lost.",
        affected: [
            ("a/inbound", .majorOutage), ("a/webmail", .partialOutage), ("a/imap", .partialOutage),
            ("a/pop", .partialOutage),
        ])

    package static func mailboxCells(inbound: ComponentStatus = .partialOutage, slug: String = octoberSlug)
        -> [String: Cell]
    {
        var cells: [String: Cell] = [:]
        for key in mailboxServices {
            cells[key] = Cell(status: key == "a/inbound" ? inbound : .partialOutage, incidents: [slug])
        }
        return cells
    }
}
