import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldRender
@testable import HeraldTestSupport

/// Every `api/v2/` file read back with `JSONSerialization`, field by field.
@Suite struct StatuspageAPITests {
    typealias Object = [String: Any]

    let files = RenderFixture.render()

    static let pageKeys: Set = ["id", "name", "url", "time_zone", "updated_at"]
    static let componentKeys: Set = [
        "id", "name", "status", "created_at", "updated_at", "position", "description", "group", "group_id",
        "page_id", "only_show_if_degraded", "showcase", "start_date",
    ]
    static let incidentKeys: Set = [
        "id", "name", "status", "impact", "created_at", "updated_at", "monitoring_at", "resolved_at",
        "started_at",
        "shortlink", "page_id", "incident_updates", "components",
    ]
    static let updateKeys: Set = [
        "id", "status", "body", "created_at", "updated_at", "display_at", "incident_id",
        "affected_components",
        "deliver_notifications", "custom_tweet", "tweet_id",
    ]
    static let affectedKeys: Set = ["code", "name", "old_status", "new_status"]

    func json(_ name: String, in files: [OutputFile]? = nil) throws -> Object {
        let file = try RenderFixture.file("api/v2/" + name, in: files ?? self.files)
        let object = try JSONSerialization.jsonObject(with: file.contents)
        return try #require(object as? Object, "\(name) is not an object")
    }

    func objects(_ value: Any?) throws -> [Object] { try #require(value as? [Object]) }

    func isNull(_ value: Any?) -> Bool { value is NSNull }

    func isTimestamp(_ value: Any?) -> Bool {
        (value as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil
    }

    /// Checks the shape of an incident or maintenance and of everything inside it.
    func checkIncidentShape(_ incident: Object, maintenance: Bool) throws {
        let extra: Set<String> = maintenance ? ["scheduled_for", "scheduled_until"] : []
        // Herald's own fields beside Statuspage's: always the state, the others when they apply.
        let herald: Set<String> = maintenance ? ["herald_status"] : []
        let optional: Set<String> = ["herald_rescheduled_from", "herald_recurrence", "herald_occurrences"]
        #expect(Set(incident.keys).subtracting(optional) == Self.incidentKeys.union(extra).union(herald))
        for key in ["created_at", "updated_at", "started_at"] + extra.sorted() {
            #expect(isTimestamp(incident[key]), "\(key)")
        }
        for key in ["monitoring_at", "resolved_at"] {
            #expect(isNull(incident[key]) || isTimestamp(incident[key]), "\(key)")
        }
        #expect((incident["shortlink"] as? String)?.hasPrefix("https://status.example.com/status/") == true)
        for update in try objects(incident["incident_updates"]) {
            #expect(Set(update.keys) == Self.updateKeys)
            #expect(update["incident_id"] as? String == incident["id"] as? String)
            #expect(update["deliver_notifications"] as? Bool == true)
            #expect(isNull(update["custom_tweet"]) && isNull(update["tweet_id"]))
            #expect(isTimestamp(update["display_at"]))
            if !isNull(update["affected_components"]) {
                for affected in try objects(update["affected_components"]) {
                    #expect(Set(affected.keys) == Self.affectedKeys)
                }
            }
        }
        for component in try objects(incident["components"]) {
            #expect(Set(component.keys) == Self.componentKeys)
        }
    }

    @Test func writesTheEightEndpoints() {
        let paths = Set(files.map(\.path).filter { $0.hasPrefix("api/v2/") })
        #expect(
            paths
                == Set(
                    [
                        "summary.json", "status.json", "components.json", "incidents.json",
                        "incidents/unresolved.json",
                        "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json",
                        "scheduled-maintenances/active.json",
                    ].map { "api/v2/" + $0 }))
    }

    @Test func topLevelKeysAndPageMatchStatuspage() throws {
        let expected: [String: Set<String>] = [
            "summary.json": ["page", "components", "incidents", "scheduled_maintenances", "status"],
            "status.json": ["page", "status"], "components.json": ["page", "components"],
            "incidents.json": ["page", "incidents"], "incidents/unresolved.json": ["page", "incidents"],
            "scheduled-maintenances.json": ["page", "scheduled_maintenances"],
            "scheduled-maintenances/upcoming.json": ["page", "scheduled_maintenances"],
            "scheduled-maintenances/active.json": ["page", "scheduled_maintenances"],
        ]
        var pages: [NSDictionary] = []
        for (name, keys) in expected {
            let document = try json(name)
            #expect(Set(document.keys) == keys, "\(name)")
            let page = try #require(document["page"] as? Object)
            #expect(Set(page.keys) == Self.pageKeys)
            pages.append(page as NSDictionary)
        }
        let page = try #require(try json("status.json")["page"] as? Object)
        #expect((page["id"] as? String)?.wholeMatch(of: /[a-z0-9]{12}/) != nil)
        #expect(page["name"] as? String == "Example Mail Status")
        #expect(page["url"] as? String == "https://status.example.com/status/")
        #expect(page["time_zone"] as? String == "America/Toronto")
        #expect(page["updated_at"] as? String == "2025-10-06T19:15:00.000Z")
        #expect(Set(pages).count == 1, "every file carries the same page")
    }

    @Test func statusIsTheIndicator() throws {
        let status = try #require(try json("status.json")["status"] as? Object)
        #expect(status["indicator"] as? String == "major")
        #expect(status["description"] as? String == "Partial System Outage")
        #expect((try json("summary.json")["status"] as? NSDictionary) == status as NSDictionary)
    }

    @Test func clustersAreGroupsAndComponentsTheirMembers() throws {
        let components = try objects(try json("components.json")["components"])
        #expect(components.count == 2 + 8)
        let groups = components.filter { $0["group"] as? Bool == true }
        #expect(groups.map { $0["name"] as? String } == ["Cluster A", RenderFixture.nastyClusterName])
        for component in components {
            let isGroup = component["group"] as? Bool == true
            #expect(Set(component.keys) == Self.componentKeys.union(isGroup ? ["components"] : []))
            #expect((component["id"] as? String)?.wholeMatch(of: /[a-z0-9]{12}/) != nil)
            #expect(component["created_at"] as? String == "2025-08-14T10:00:00.000Z")
            #expect(isTimestamp(component["updated_at"]))
            #expect(component["only_show_if_degraded"] as? Bool == false)
            #expect(component["showcase"] as? Bool == !isGroup)
            #expect(isNull(component["start_date"]))
            #expect(
                component["page_id"] as? String == (try json("status.json")["page"] as? Object)?["id"]
                    as? String)
            #expect(isGroup == isNull(component["group_id"]))
        }
        let a = groups[0]
        #expect(a["status"] as? String == "major_outage")
        #expect(a["description"] as? String == "Sign in at *admin.a.example.com*")
        #expect(a["position"] as? Int == 1)
        let members = components.filter { $0["group_id"] as? String == a["id"] as? String }
        #expect(a["components"] as? [String] == members.map { $0["id"] as? String ?? "" })
        #expect(
            members.map { $0["name"] as? String } == [
                "Cluster A · Inbound mail", "Cluster A · Outbound mail", "Cluster A · Webmail",
                "Cluster A · IMAP", "Cluster A · POP",
            ])
        #expect(
            members.map { $0["status"] as? String } == [
                "major_outage", "operational", "partial_outage", "partial_outage", "operational",
            ])
        #expect(members.map { $0["position"] as? Int } == [1, 2, 3, 4, 5])
        #expect(members[0]["description"] as? String == "Mail delivered to your mailboxes")
        #expect(isNull(members[1]["description"]))
        #expect(members[0]["updated_at"] as? String == "2025-10-06T19:15:00.000Z")
        let b = groups[1]
        #expect(b["status"] as? String == "under_maintenance")
        let bMembers = components.filter { $0["group_id"] as? String == b["id"] as? String }
        #expect(
            bMembers.map { $0["status"] as? String } == [
                "under_maintenance", "under_maintenance", "operational",
            ])
        #expect(
            bMembers.map { $0["updated_at"] as? String } == [
                "2025-10-06T19:00:00.000Z", "2025-10-06T19:00:00.000Z", "2025-08-14T10:00:00.000Z",
            ])
    }

    /// A client that keys components by name (as many exporters and chat bots do) still sees
    /// every one of them: the same service on two clusters gets two names.
    @Test func aNameKeyedReadingSeesEveryComponent() throws {
        for document in ["summary.json", "components.json"] {
            let components = try objects(try json(document)["components"])
            let byName = Dictionary(components.map { ($0["name"] as? String ?? "", $0) }) { first, _ in first
            }
            #expect(byName.count == components.count, "\(document)")
            #expect(byName["Cluster A · Inbound mail"]?["status"] as? String == "major_outage")
            #expect(
                byName["\(RenderFixture.nastyClusterName) · Inbound mail"]?["status"] as? String
                    == "under_maintenance")
            #expect(byName["Cluster A"]?["group"] as? Bool == true)
        }
    }

    @Test func incidentsCarryTheirPublishedTimelineNewestFirst() throws {
        let incidents = try objects(try json("incidents.json")["incidents"])
        #expect(
            incidents.map { $0["name"] as? String } == [
                "Cluster A email service issues", RenderFixture.nastyTitle,
            ])
        for incident in incidents { try checkIncidentShape(incident, maintenance: false) }

        let ongoing = incidents[0]
        #expect(ongoing["status"] as? String == "monitoring")
        #expect(ongoing["impact"] as? String == "major")
        #expect(ongoing["created_at"] as? String == "2025-10-06T17:30:00.000Z")
        #expect(ongoing["started_at"] as? String == "2025-10-06T17:30:00.000Z")
        #expect(ongoing["updated_at"] as? String == "2025-10-06T19:15:00.000Z")
        #expect(ongoing["monitoring_at"] as? String == "2025-10-06T19:15:00.000Z")
        #expect(isNull(ongoing["resolved_at"]))
        #expect(
            ongoing["shortlink"] as? String == "https://status.example.com/status/incidents/cluster-a-email/")
        let updates = try objects(ongoing["incident_updates"])
        #expect(updates.map { $0["status"] as? String } == ["monitoring", "identified", "investigating"])
        #expect(
            updates.map { $0["created_at"] as? String } == [
                "2025-10-06T19:15:00.000Z", "2025-10-06T18:30:00.000Z", "2025-10-06T17:40:00.000Z",
            ])
        #expect(updates[2]["body"] as? String == "Resellers report failed logins & <timeouts>.")
        #expect(isNull(updates[0]["affected_components"]))
        let first = try objects(updates[2]["affected_components"])
        #expect(
            first.map { $0["name"] as? String } == [
                "Cluster A · Inbound mail", "Cluster A · Webmail", "Cluster A · IMAP", "Cluster A · POP",
            ])
        #expect(first.map { $0["old_status"] as? String } == Array(repeating: "partial_outage", count: 4))
        #expect(
            first.map { $0["new_status"] as? String } == [
                "degraded_performance", "partial_outage", "operational", "operational",
            ])
        let second = try objects(updates[1]["affected_components"])
        #expect(
            second.map { $0["old_status"] as? String } == [
                "degraded_performance", "partial_outage", "operational",
            ])
        #expect(
            second.map { $0["new_status"] as? String } == [
                "major_outage", "partial_outage", "partial_outage",
            ])
        #expect(Set(updates.map { $0["id"] as? String ?? "" }).count == 3)
        #expect(
            try objects(ongoing["components"]).map { $0["name"] as? String } == [
                "Cluster A · Inbound mail", "Cluster A · Webmail", "Cluster A · IMAP", "Cluster A · POP",
            ])

        let august = incidents[1]
        #expect(august["status"] as? String == "resolved")
        #expect(august["impact"] as? String == "critical")
        #expect(august["resolved_at"] as? String == "2025-08-14T12:00:00.000Z")
        #expect(isNull(august["monitoring_at"]))
        let augustUpdates = try objects(august["incident_updates"])
        #expect(augustUpdates[0]["status"] as? String == "resolved")
        let resolution = try objects(augustUpdates[0]["affected_components"])
        #expect(resolution.map { $0["new_status"] as? String } == ["operational"])
        #expect(resolution.map { $0["old_status"] as? String } == ["major_outage"])
        #expect(augustUpdates[1]["body"] as? String == "Looking into \"it\" & <that> 🐛.")
    }

    @Test func unresolvedListsOnlyOpenIncidents() throws {
        let unresolved = try objects(try json("incidents/unresolved.json")["incidents"])
        #expect(unresolved.map { $0["name"] as? String } == ["Cluster A email service issues"])
        let summary = try objects(try json("summary.json")["incidents"])
        #expect(summary.map { $0["id"] as? String } == unresolved.map { $0["id"] as? String })
    }

    @Test func maintenancesHaveWindowsAndStatuspageStatuses() throws {
        let all = try objects(try json("scheduled-maintenances.json")["scheduled_maintenances"])
        for maintenance in all {
            try checkIncidentShape(maintenance, maintenance: true)
            #expect(maintenance["impact"] as? String == "maintenance")
        }
        #expect(
            all.map { $0["name"] as? String } == [
                "Cluster A outbound upgrade", "Cluster A storage move", "Cluster B network work",
            ])
        #expect(all.map { $0["status"] as? String } == ["scheduled", "completed", "in_progress"])
        #expect(all[0]["scheduled_for"] as? String == "2025-10-10T02:00:00.000Z")
        #expect(all[0]["scheduled_until"] as? String == "2025-10-10T04:00:00.000Z")
        #expect(all[0]["shortlink"] as? String == "https://status.example.com/status/maintenance/a-upgrade/")
        #expect(isNull(all[0]["resolved_at"]))
        #expect(all[1]["resolved_at"] as? String == "2025-10-05T09:00:00.000Z")
        let started = try objects(try objects(all[2]["incident_updates"])[0]["affected_components"])
        #expect(started.map { $0["new_status"] as? String } == ["under_maintenance", "under_maintenance"])
        #expect(started.map { $0["old_status"] as? String } == ["operational", "operational"])

        let upcoming = try objects(try json("scheduled-maintenances/upcoming.json")["scheduled_maintenances"])
        #expect(upcoming.map { $0["name"] as? String } == ["Cluster A outbound upgrade"])
        let active = try objects(try json("scheduled-maintenances/active.json")["scheduled_maintenances"])
        #expect(active.map { $0["name"] as? String } == ["Cluster B network work"])
        let summary = try objects(try json("summary.json")["scheduled_maintenances"])
        #expect(
            summary.map { $0["name"] as? String } == ["Cluster A outbound upgrade", "Cluster B network work"])
    }

    @Test func listsStopAtFiftyNewestFirst() throws {
        var site = RenderFixture.site
        let base = RenderFixture.resolved
        site.incidents = (0..<60).map { index in
            var incident = base
            incident.slug = "incident-\(index)"
            incident.started = base.started.addingTimeInterval(Double(index) * 86_400)
            incident.resolved = incident.started.addingTimeInterval(600)
            incident.updates = []
            return incident
        }.reversed()
        site.maintenances = (0..<55).reversed().map { index in
            var maintenance = RenderFixture.upcoming
            maintenance.slug = "maintenance-\(index)"
            maintenance.start = RenderFixture.date("2025-01-01T00:00:00Z").addingTimeInterval(
                Double(index) * 3600)
            maintenance.end = maintenance.start.addingTimeInterval(1800)
            return maintenance
        }
        var status = RenderFixture.status
        status.maintenanceStates = [:]
        let files = RenderFixture.render(site, status: status)
        let incidents = try objects(try json("incidents.json", in: files)["incidents"])
        #expect(incidents.count == 50)
        // Incidents 54 to 59 start after `now`, so they are not published yet.
        #expect(incidents.first?["started_at"] as? String == "2025-10-06T10:00:00.000Z")
        #expect(incidents.last?["started_at"] as? String == "2025-08-18T10:00:00.000Z")
        let maintenances = try objects(
            try json("scheduled-maintenances.json", in: files)["scheduled_maintenances"])
        #expect(maintenances.count == 50)
        #expect(maintenances.allSatisfy { $0["status"] as? String == "completed" })
        #expect(maintenances.first?["scheduled_for"] as? String == "2025-01-03T06:00:00.000Z")
        #expect(Set(maintenances.map { $0["id"] as? String ?? "" }).count == 50)
    }

    @Test func jsonIsPrettySortedAndUnescaped() throws {
        let file = try RenderFixture.file("api/v2/components.json", in: files)
        let text = String(decoding: file.contents, as: UTF8.self)
        #expect(text.contains("\"url\" : \"https://status.example.com/status/\""))
        #expect(!text.contains("\\/"))
        #expect(text.contains("📮\\u0001"))
        #expect(text.hasSuffix("}\n"))
        #expect(
            text.range(of: "\"created_at\"")?.lowerBound ?? text.endIndex < text.range(of: "\"id\"")?
                .lowerBound ?? text.startIndex)
    }

    @Test func idsAreStatuspageStyleAndStable() {
        #expect(FNV1a.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash("foobar") == 0x8594_4171_f739_67e8)
        let ids = ["a", "b", "c"].map(StatuspageID.cluster) + ["x", "y"].map(StatuspageID.incident)
        for id in ids { #expect(id.wholeMatch(of: /[a-z0-9]{12}/) != nil) }
        #expect(Set(ids).count == ids.count)
        #expect(StatuspageID.cluster("a") == StatuspageID.cluster("a"))
        #expect(StatuspageID.incident("x") != StatuspageID.maintenance("x"))
        #expect(StatuspageID.cluster("a").prefix(4) != StatuspageID.cluster("b").prefix(4))
    }
}
