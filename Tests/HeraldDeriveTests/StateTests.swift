import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

@Suite struct StateMakeTests {
    typealias F = StateFixtures

    @Test func componentsCarryNamesStatusAndCausesInSiteOrder() throws {
        let site = F.site(incidents: [F.october(updates: [F.investigating])])
        let state = F.state(
            site, now: "2025-10-06T18:00:00Z", cells: F.mailboxCells(),
            phases: [F.octoberSlug: .investigating])
        #expect(state.format == 1)
        #expect(state.now == Fixture.date("2025-10-06T18:00:00Z"))
        #expect(state.indicator == .major)
        #expect(state.title == "Example Mail Status")
        #expect(state.baseURL.absolute == "https://status.example.com/")
        #expect(
            state.clusters == [
                StateCluster(id: "a", name: "Cluster A", status: .partialOutage),
                StateCluster(id: "b", name: "Cluster B", status: .operational),
            ])
        #expect(
            state.components.map(\.key).prefix(6) == [
                "a/inbound", "a/outbound", "a/webmail", "a/imap", "a/pop", "b/inbound",
            ])
        let inbound = try #require(state.components.first)
        #expect(
            inbound
                == StateComponent(
                    cluster: "a", clusterName: "Cluster A", service: "inbound", serviceName: "Inbound mail",
                    status: .partialOutage, incidents: [F.octoberSlug], maintenance: []))
        #expect(state.components[1].status == .operational)
    }

    @Test func openIncidentHasPhaseLatestUpdateKnownAtNowAndRouting() throws {
        // The identified update is dated after `now`: the state must not know it yet.
        let site = F.site(incidents: [F.october(updates: [F.investigating, F.identified])])
        let state = F.state(
            site, now: "2025-10-06T18:00:00Z", cells: F.mailboxCells(),
            phases: [F.octoberSlug: .investigating])
        let incident = try #require(state.incidents.first)
        #expect(state.incidents.count == 1)
        #expect(incident.slug == F.octoberSlug)
        #expect(incident.title == F.octoberTitle)
        #expect(incident.status == .investigating)
        #expect(incident.impact == .major)
        #expect(incident.started == Fixture.date("2025-10-06T17:30:00Z"))
        #expect(
            incident.latestUpdate
                == StateUpdate(
                    id: "2025-10-06T17:40:00Z-0", at: Fixture.date("2025-10-06T17:40:00Z"),
                    message: "Resellers on Cluster A report failed logins to webmail, POP and IMAP."))
        #expect(incident.url == "https://status.example.com/incidents/2025-10-06-cluster-a-email/")
        #expect(incident.clusters == ["a"])
        #expect(
            incident.affected.map { "\($0.cluster)/\($0.service)=\($0.status?.slug ?? "")" } == [
                "a/inbound=partial-outage", "a/webmail=partial-outage", "a/imap=partial-outage",
                "a/pop=partial-outage",
            ])
        #expect(state.resolvedIncidents.isEmpty)
    }

    @Test func recentlyResolvedIncidentsAreKeptAndOldOnesDropped() {
        let recent = F.incident(
            "recent", title: "Recent", started: "2025-10-01T10:00:00Z", resolved: "2025-10-02T10:00:00Z",
            affected: [("b/pop", .degradedPerformance)])
        let old = F.incident(
            "old", title: "Old", started: "2025-08-14T10:00:00Z", resolved: "2025-08-14T12:00:00Z",
            affected: [("a/pop", .majorOutage)])
        let state = F.state(F.site(incidents: [recent, old]), now: "2025-10-06T18:00:00Z")
        #expect(state.incidents.isEmpty)
        #expect(
            state.resolvedIncidents == [
                StateResolvedIncident(
                    slug: "recent", title: "Recent", resolved: Fixture.date("2025-10-02T10:00:00Z"),
                    latestUpdate: nil,
                    url: "https://status.example.com/incidents/recent/", clusters: ["b"])
            ])
    }

    @Test func maintenanceKeptWhenUpcomingActiveOrRecentlyEndedOrCancelled() {
        let windows = [
            F.maintenance(
                "upcoming", title: "U", start: "2025-10-09T02:00:00Z", end: "2025-10-09T04:00:00Z",
                components: ["b/inbound"]),
            F.maintenance(
                "active", title: "A", start: "2025-10-06T17:00:00Z", end: "2025-10-06T19:00:00Z",
                components: ["b/pop", "a/pop"]),
            F.maintenance(
                "called-off", title: "C", start: "2025-10-20T02:00:00Z", end: "2025-10-20T04:00:00Z",
                cancelled: true, components: ["a/imap"]),
            F.maintenance(
                "done", title: "D", start: "2025-10-05T02:00:00Z", end: "2025-10-05T04:00:00Z",
                components: ["a/imap"]),
            F.maintenance(
                "ancient", title: "X", start: "2025-09-01T02:00:00Z", end: "2025-09-01T04:00:00Z",
                components: ["a/imap"]),
        ]
        let state = F.state(
            F.site(maintenance: windows), now: "2025-10-06T18:00:00Z",
            maintenance: [
                "upcoming": .upcoming, "active": .active, "called-off": .cancelled, "done": .completed,
                "ancient": .completed,
            ])
        #expect(state.maintenance.map(\.slug) == ["done", "active", "upcoming", "called-off"])
        #expect(state.maintenance.map(\.status) == [.completed, .active, .upcoming, .cancelled])
        let active = state.maintenance[1]
        #expect(active.clusters == ["a", "b"])
        #expect(
            active.components == [
                StateImpact(cluster: "a", service: "pop", status: nil),
                StateImpact(cluster: "b", service: "pop", status: nil),
            ])
        #expect(
            active.window
                == StateWindow(
                    start: Fixture.date("2025-10-06T17:00:00Z"), end: Fixture.date("2025-10-06T19:00:00Z")))
        #expect(active.url == "https://status.example.com/maintenance/active/")
        #expect(state.maintenance[3].cancelled)
    }

    @Test func maintenanceStartingExactlyAtNowIsActive() throws {
        let window = F.maintenance(
            "upgrade", title: "Upgrade", start: "2025-10-06T18:00:00Z", end: "2025-10-06T20:00:00Z",
            components: ["b/inbound"],
            updates: [(at: "2025-10-06T18:00:00Z", status: .inProgress, message: "Started.")])
        let state = F.state(
            F.site(maintenance: [window]), now: "2025-10-06T18:00:00Z",
            cells: ["b/inbound": F.Cell(status: .underMaintenance, maintenance: ["upgrade"])],
            maintenance: ["upgrade": .active])
        let entry = try #require(state.maintenance.first)
        #expect(entry.status == .active)
        #expect(entry.phase == .inProgress)
        #expect(entry.latestUpdate?.message == "Started.")
        #expect(state.components[5].maintenance == ["upgrade"])
    }
}

@Suite struct StateCodingTests {
    typealias F = StateFixtures

    static let sample: SiteState = {
        let site = F.site(
            incidents: [F.october(updates: [F.investigating])],
            maintenance: [
                F.maintenance(
                    "cluster-b-upgrade", title: "Cluster B upgrade", start: "2025-10-08T02:00:00Z",
                    end: "2025-10-08T04:00:00Z", components: ["b/inbound"])
            ])
        return F.state(
            site, now: "2025-10-06T18:00:00Z", cells: F.mailboxCells(),
            phases: [F.octoberSlug: .investigating],
            maintenance: ["cluster-b-upgrade": .upcoming])
    }()

    @Test func roundTripsWithIdenticalBytes() throws {
        let data = Self.sample.encoded()
        let decoded = try SiteState.decode(data)
        #expect(decoded == Self.sample)
        #expect(decoded.encoded() == data)
        #expect(Self.sample.encoded() == data)
        #expect(data.last == 0x0A)
    }

    @Test func keysAreSortedAndSnakeCase() throws {
        let text = String(decoding: Self.sample.encoded(), as: UTF8.self)
        let base = try #require(text.range(of: "\"base_url\""))
        let clusters = try #require(text.range(of: "\"clusters\""))
        let resolved = try #require(text.range(of: "\"resolved_incidents\""))
        #expect(base.lowerBound < clusters.lowerBound)
        #expect(clusters.lowerBound < resolved.lowerBound)
        #expect(text.contains("\"cluster_name\""))
        #expect(text.contains("\"latest_update\""))
        #expect(
            text.contains("\"url\" : \"https://status.example.com/incidents/2025-10-06-cluster-a-email/\""))
    }

    @Test func newerFormatIsAClearError() {
        let data = Data(#"{"format": 2, "now": "2030-01-01T00:00:00Z", "future": true}"#.utf8)
        #expect(throws: StateDecodingError.unsupportedFormat(found: 2, supported: 1...1)) {
            try SiteState.decode(data)
        }
        let message = "\(StateDecodingError.unsupportedFormat(found: 2, supported: 1...1))"
        #expect(message == "state format 2 is newer than this herald reads (format 1); update herald")
    }

    @Test func olderUnknownFormatIsAClearError() {
        let data = Data(#"{"format": 0, "now": "2020-01-01T00:00:00Z"}"#.utf8)
        #expect(throws: StateDecodingError.unsupportedFormat(found: 0, supported: 1...1)) {
            try SiteState.decode(data)
        }
    }

    @Test func malformedFilesNameTheProblem() {
        #expect(throws: StateDecodingError.malformed("invalid JSON or not an object (invalid JSON)")) {
            try SiteState.decode(Data("{not json".utf8))
        }
        #expect(throws: StateDecodingError.malformed("no `format` field")) {
            try SiteState.decode(Data(#"{"now": "x"}"#.utf8))
        }
        #expect(throws: StateDecodingError.malformed("missing key `now`")) {
            try SiteState.decode(Data(#"{"format": 1}"#.utf8))
        }
        #expect(throws: StateDecodingError.malformed("invalid value at `now`")) {
            try SiteState.decode(
                Data(#"{"format": 1, "now": "x", "indicator": "none", "base_url": "https://e.com/"}"#.utf8))
        }
        #expect(throws: StateDecodingError.malformed("invalid value at `base_url`")) {
            try SiteState.decode(
                Data(
                    #"{"format": 1, "now": "2025-10-06T18:00:00Z", "indicator": "none", "base_url": "e.com"}"#
                        .utf8))
        }
        for (status, reason) in [("3", "wrong type"), (#""on-fire""#, "invalid value")] {
            #expect(throws: StateDecodingError.malformed("\(reason) at `components[0].status`")) {
                try SiteState.decode(
                    Data(
                        #"""
                        {"format": 1, "now": "2025-10-06T18:00:00Z", "indicator": "none", "base_url": "https://e.com/",
                         "components": [{"cluster": "a", "cluster_name": "A", "service": "s", "service_name": "S",
                                         "status": \#(status), "incidents": [], "maintenance": []}]}
                        """#.utf8))
            }
        }
    }

    /// Times keep whole seconds, as the file does, so a state read back equals the one made, and
    /// a window given to the fraction of a second does not read as moved in the next diff.
    @Test func timesRoundTripInWholeSeconds() throws {
        let window = F.maintenance(
            "upgrade", title: "Upgrade", start: "2025-10-08T02:00:00.750Z", end: "2025-10-08T04:00:00.250Z",
            components: ["b/pop"])
        let state = F.state(F.site(maintenance: [window]), now: "2025-10-06T18:00:00.5Z")
        let read = try SiteState.decode(state.encoded())
        #expect(read == state)
        #expect(Timestamp.format(read.maintenance[0].window.start) == "2025-10-08T02:00:00Z")
        #expect(StateDiff.diff(from: read, to: state).isEmpty)
    }

    /// A format-1 file from before optional sections existed (or hand-written) still reads.
    @Test func missingSectionsAndUnknownKeysAreTolerated() throws {
        let state = try SiteState.decode(
            Data(
                #"""
                {"format": 1, "now": "2025-10-06T18:00:00Z", "indicator": "none",
                 "base_url": "https://status.example.com/", "added_later": {"x": 1}}
                """#.utf8))
        #expect(state.title == "")
        #expect(state.components.isEmpty && state.incidents.isEmpty && state.resolvedIncidents.isEmpty)
        #expect(state.maintenance.isEmpty && state.clusters.isEmpty)
    }
}
