import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

/// `maintenance.ics` as an iCalendar reader sees it: unfolded content lines.
@Suite struct MaintenanceCalendarTests {
    let file = RenderFixture.calendar()

    var text: String { String(decoding: file.contents, as: UTF8.self) }

    /// Content lines after unfolding (RFC 5545 §3.1).
    var lines: [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").dropLast().map { $0 }
    }

    /// Each VEVENT's properties, name → value (parameters are not used here).
    var events: [[String: String]] {
        var result: [[String: String]] = []
        for line in lines {
            if line == "BEGIN:VEVENT" {
                result.append([:])
            } else if let colon = line.firstIndex(of: ":"), !result.isEmpty,
                line != "END:VEVENT"
            {
                result[result.count - 1][String(line[..<colon])] = String(line[line.index(after: colon)...])
            }
        }
        return result
    }

    @Test func isACalendarAtItsPath() {
        #expect(file.path == "maintenance.ics")
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        for property in [
            "VERSION:2.0", "CALSCALE:GREGORIAN", "X-WR-CALNAME:Example Mail Status – maintenance",
        ] {
            #expect(lines.contains(property))
        }
        #expect(lines.contains { $0.hasPrefix("PRODID:") })
    }

    @Test func usesCRLFOnlyAndFoldsAt75Octets() {
        let bytes = Array(file.contents)
        for (index, byte) in bytes.enumerated() where byte == 10 {
            #expect(index > 0 && bytes[index - 1] == 13, "bare LF at \(index)")
        }
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "\(line)")
        }
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test func oneEventPerMaintenanceWithStableUIDsAndUTCTimes() {
        let events = events
        #expect(
            events.map { $0["UID"] } == [
                "b-network@status.example.com", "a-storage@status.example.com",
                "a-upgrade@status.example.com",
            ])
        for event in events {
            #expect(event["DTSTAMP"] == "20251006T200000Z")
            for key in ["DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL", "STATUS"] {
                #expect(event[key] != nil, "\(key)")
            }
        }
        let upgrade = events[2]
        #expect(upgrade["DTSTART"] == "20251010T020000Z")
        #expect(upgrade["DTEND"] == "20251010T040000Z")
        #expect(upgrade["URL"] == "https://status.example.com/status/maintenance/a-upgrade/")
        #expect(upgrade["STATUS"] == "CONFIRMED")
        #expect(upgrade["SUMMARY"] == "Cluster A outbound upgrade")
        #expect(upgrade["LAST-MODIFIED"] == "20251001T120000Z")
        #expect(upgrade["SEQUENCE"] == "1")
        #expect(
            upgrade["DESCRIPTION"]
                == "Affected: Cluster A / Outbound mail\\n\\nUpgrade of the outbound relays.\\n\\n"
                + "https://status.example.com/status/maintenance/a-upgrade/")
    }

    @Test func cancelledWindowsAreCancelled() {
        let cancelled = events[1]
        #expect(cancelled["STATUS"] == "CANCELLED")
        #expect(cancelled["SUMMARY"] == "Cancelled: Cluster A storage move")
        #expect(
            cancelled["DESCRIPTION"]?.hasPrefix("Cancelled: this maintenance will not take place.") == true)
    }

    @Test func escapesTextValues() throws {
        var site = RenderFixture.site
        site.maintenances[0].title = RenderFixture.nastyTitle + String(repeating: " long🔥", count: 20)
        let file = RenderFixture.calendar(site)
        let text = String(decoding: file.contents, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        #expect(
            text.contains(
                "SUMMARY:Cluster B <outage> & \"bounce\" 'storm' 🔥\\, part\\; one\\\\two"
                    + String(
                        repeating: " long🔥", count: 20) + "\r\n"))
        #expect(text.contains("Affected: B & <Backup> \"two\" 'quoted' 📮 / Inbound mail\\, B & <Backup>"))
        #expect(!text.contains("\u{1}") && !text.contains("\u{7}"))
        for line in String(decoding: file.contents, as: UTF8.self).components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75)
        }
    }
}

/// Recurring windows in the calendar of a UTC site: the rule in UTC, no `VTIMEZONE` needed.
@Suite struct RecurringCalendarTests {
    @Test func aUTCSiteWritesTheRuleInUTC() throws {
        var site = RenderFixture.site
        site.config.timeZone = TimeZone(identifier: "UTC")!
        let first = site.maintenances[0]
        site.maintenances[0].recurrence = MaintenanceRecurrence(
            frequency: .weekly, interval: 1, weekdays: [UTCTimestamp(first.start).weekday], until: nil,
            count: 3,
            skip: [], timeZone: site.config.timeZone,
            first: MaintenanceOccurrence(start: first.start, end: first.end))
        let text = String(decoding: RenderFixture.calendar(site).contents, as: UTF8.self)
        #expect(!text.contains("VTIMEZONE"))
        #expect(text.contains("DTSTART:\(UTCTimestamp(first.start).iCalendar)\r\n"))
        #expect(text.contains("RRULE:FREQ=WEEKLY;BYDAY="))
        for cluster in site.config.clusters {
            let calendar = RenderFixture.calendar(site, path: SitePaths.clusterCalendar(cluster.id))
            #expect(String(decoding: calendar.contents, as: UTF8.self).hasPrefix("BEGIN:VCALENDAR\r\n"))
        }
    }
}
