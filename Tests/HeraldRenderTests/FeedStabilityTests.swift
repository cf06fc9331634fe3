import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

/// Editing content must never change a feed, entry, API or calendar id, while `updated`
/// follows the new update.
@Suite struct FeedStabilityTests {
    static func edited() -> Site {
        var site = RenderFixture.site
        var incident = site.incidents[0]
        incident.title = "Cluster A: email & <webmail> trouble 🔥"
        incident.body = RenderFixture.markdown("Rewritten body.")
        incident.updates[0].message = RenderFixture.markdown("Reworded first update.")
        incident.questions[0].question = RenderFixture.markdown("Reworded question?")
        incident.updates.insert(
            IncidentUpdate(
                at: RenderFixture.date("2025-10-06T19:45:00Z"), status: .monitoring,
                message: RenderFixture.markdown("Queues are draining."), affected: nil, id: "u3b"),
            at: 3)
        site.incidents[0] = incident
        site.maintenances[0].title = "Outbound relays upgrade (rescheduled wording)"
        site.maintenances[0].updates[0].message = RenderFixture.markdown("Reworded.")
        return site
    }

    let before = RenderFixture.render()
    let after = RenderFixture.render(Self.edited())

    @Test func feedAndEntryIdsSurviveEditsWhileUpdatedMoves() throws {
        for file in before where file.path.hasSuffix(".atom") {
            let old = try ParsedFeed(file)
            let new = try ParsedFeed(RenderFixture.file(file.path, in: after))
            #expect(old.id == new.id)
            #expect(Set(old.entryIDs) == Set(new.entryIDs), "\(file.path)")
        }
        let old = try ParsedFeed(RenderFixture.file("clusters/a/inbound/feed.atom", in: before))
        let new = try ParsedFeed(RenderFixture.file("clusters/a/inbound/feed.atom", in: after))
        #expect(old.entries.first?.updated == "2025-10-06T19:15:00Z")
        #expect(new.entries.first?.updated == "2025-10-06T19:45:00Z")
        #expect(new.updated == "2025-10-06T19:45:00Z")
        #expect(new.entries.first?.title == "Cluster A: email & <webmail> trouble 🔥")
        #expect(new.entries.first?.content.contains("Queues are draining.") == true)
    }

    /// Every `id`, `code`, `page_id`, `group_id` and `incident_id` anywhere in a JSON value.
    func ids(in value: Any) -> Set<String> {
        var result = Set<String>()
        if let object = value as? [String: Any] {
            for (key, child) in object {
                if ["id", "code", "page_id", "group_id", "incident_id"].contains(key),
                    let id = child as? String
                {
                    result.insert(id)
                }
                result.formUnion(ids(in: child))
            }
        } else if let array = value as? [Any] {
            for child in array { result.formUnion(ids(in: child)) }
        }
        return result
    }

    @Test func apiIdsSurviveEdits() throws {
        for file in before where file.path.hasPrefix("api/v2/") {
            let old = ids(in: try JSONSerialization.jsonObject(with: file.contents))
            let new = ids(
                in: try JSONSerialization.jsonObject(with: RenderFixture.file(file.path, in: after).contents))
            #expect(old.isSubset(of: new), "\(file.path) lost ids")
        }
        let incidents = try JSONSerialization.jsonObject(
            with: RenderFixture.file("api/v2/incidents.json", in: after).contents)
        let first = try #require(((incidents as? [String: Any])?["incidents"] as? [[String: Any]])?.first)
        #expect(first["updated_at"] as? String == "2025-10-06T19:45:00.000Z")
        #expect((first["incident_updates"] as? [Any])?.count == 4)
    }

    @Test func calendarUIDsSurviveEdits() throws {
        func uids(_ files: [OutputFile]) throws -> [String] {
            String(decoding: try RenderFixture.file("maintenance.ics", in: files).contents, as: UTF8.self)
                .replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
                .filter { $0.hasPrefix("UID:") }
        }
        #expect(try uids(before) == uids(after))
        #expect(try uids(before).count == 3)
    }
}
