import Foundation
import Testing

@testable import HeraldTestSupport

/// Maintenance through the `herald` binary, each build diffed against the previous one's state
/// (the output it replaces): schedule → reschedule → cancel, and a weekly window across the
/// November daylight-saving change in America/Toronto.
@Suite struct MaintenanceScenarioTests {
    static let slug = "2025-10-15-cluster-b-storage-upgrade"
    static let weekly = "2025-10-26-weekly-backup-window"

    /// A copy of the example site and a way to run herald in it.
    struct Site {
        let root: String

        init() throws { root = try HeraldProcess.copyOfExampleSite() }

        @discardableResult
        func run(_ arguments: [String]) throws -> HeraldProcess.Result {
            let result = try HeraldProcess.run(arguments, in: root)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            return result
        }

        /// Builds into `Output/` as of `now` and returns what `herald diff` says against the state
        /// it replaced (a copy kept as `previous.json`).
        func build(at now: String) throws -> String {
            let state = "\(root)/Output/api/state.json"
            let previous = "\(root)/previous.json"
            try? FileManager.default.removeItem(atPath: previous)
            let hadState = FileManager.default.fileExists(atPath: state)
            if hadState { try FileManager.default.copyItem(atPath: state, toPath: previous) }
            try run(["build", "--quiet", "--now", now])
            guard hadState else { return "" }
            return try run(["diff", "previous.json", "Output/api/state.json"]).standardOutput
        }

        func output(_ path: String) throws -> String {
            try String(contentsOfFile: "\(root)/Output/\(path)", encoding: .utf8)
        }

        /// The event with `uid` in a calendar, its content lines unfolded.
        func event(_ uid: String, in path: String = "maintenance.ics") throws -> [String: String] {
            let lines = try output(path).replacingOccurrences(of: "\r\n ", with: "")
                .components(separatedBy: "\r\n")
            guard let start = lines.firstIndex(of: "UID:\(uid)@status.example.com") else { return [:] }
            var fields: [String: String] = [:]
            for line in lines[start...].prefix(while: { $0 != "END:VEVENT" }) {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon]), default: ""] += String(line[line.index(after: colon)...])
            }
            return fields
        }
    }

    @Test func scheduleThenRescheduleThenCancel() throws {
        let site = try Site()
        _ = try site.build(at: "2025-10-07T12:00:00Z")
        let scheduled = try site.event(Self.slug)
        #expect(scheduled["DTSTART"] == "20251015T060000Z")
        #expect(scheduled["SEQUENCE"] == "1")

        try site.run([
            "update", "cluster-b-storage-upgrade", "--reschedule", "--start", "2025-10-22T06:00:00Z", "--end",
            "2025-10-22T08:00:00Z", "--message", "The upgrade moves a week later.", "--now",
            "2025-10-08T12:00:00Z",
        ])
        let file = try String(
            contentsOfFile: "\(site.root)/Content/maintenance/\(Self.slug).md", encoding: .utf8)
        #expect(
            file.contains(
                "rescheduled:\n  - at: 2025-10-08T12:00:00Z\n    start: 2025-10-15T06:00:00Z\n"
                    + "    end: 2025-10-15T08:00:00Z\n"))
        let moved = try site.build(at: "2025-10-08T12:00:00Z")
        #expect(
            moved.contains(
                "Cluster B: maintenance rescheduled: Cluster B mailbox storage upgrade (was 2025-10-15 06:00–08:00 "
                    + "UTC, now 2025-10-22 06:00–08:00 UTC)"), "\(moved)")
        let rescheduled = try site.event(Self.slug)
        #expect(rescheduled["UID"] == scheduled["UID"])
        #expect(rescheduled["DTSTART"] == "20251022T060000Z")
        #expect(rescheduled["SEQUENCE"] == "3")
        #expect(rescheduled["LAST-MODIFIED"] == "20251008T120000Z")
        #expect(try site.event(Self.slug, in: "clusters/b/maintenance.ics") == rescheduled)
        #expect(try site.event(Self.slug, in: "clusters/a/maintenance.ics").isEmpty)
        let page = try site.output("maintenance/\(Self.slug)/index.html")
        #expect(
            page.contains(
                "Rescheduled from <time datetime=\"2025-10-15T06:00:00Z\">15 Oct 2025, 02:00 EDT</time>"))
        let feed = try site.output("clusters/b/feed.atom")
        #expect(feed.contains("Rescheduled from:"))
        let api = try site.output("api/v2/scheduled-maintenances/upcoming.json")
        #expect(api.contains("\"herald_rescheduled_from\" : {"))
        #expect(api.contains("\"scheduled_for\" : \"2025-10-22T06:00:00.000Z\""))

        try site.run([
            "update", "cluster-b-storage-upgrade", "--cancel", "--message", "Called off: the disks are late.",
            "--now", "2025-10-09T12:00:00Z",
        ])
        let cancelledDiff = try site.build(at: "2025-10-09T12:00:00Z")
        #expect(
            cancelledDiff.contains(
                "Cluster B: maintenance cancelled: Cluster B mailbox storage upgrade (was 2025-10-22 06:00–08:00 UTC)"
            ),
            "\(cancelledDiff)")
        let cancelled = try site.event(Self.slug)
        #expect(cancelled["STATUS"] == "CANCELLED")
        #expect(cancelled["SEQUENCE"] == "5")
        #expect(cancelled["UID"] == scheduled["UID"])
        let summary = try site.output("api/v2/scheduled-maintenances.json")
        #expect(summary.contains("\"herald_status\" : \"cancelled\""))
        // Still on the status page, marked, until it would have ended; then only in the history.
        #expect(try site.output("index.html").contains("badge-maintenance-cancelled"))
        #expect(try site.output("clusters/b/index.html").contains("badge-maintenance-cancelled"))
        _ = try site.build(at: "2025-10-22T08:30:00Z")
        #expect(try !site.output("index.html").contains("badge-maintenance-cancelled"))
    }

    @Test func refusedChangesWriteNothing() throws {
        let site = try Site()
        let path = "\(site.root)/Content/maintenance/\(Self.slug).md"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for (arguments, reason) in [
            (
                ["--reschedule", "--start", "2025-10-22T08:00:00Z", "--end", "2025-10-22T06:00:00Z"],
                "must end after"
            ),
            (["--cancel", "--now", "2025-10-16T00:00:00Z"], "nothing to cancel"),
        ] {
            let result = try HeraldProcess.run(
                ["update", "cluster-b-storage-upgrade", "--message", "x", "--now", "2025-10-08T00:00:00Z"]
                    + arguments, in: site.root)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.standardError.contains(reason), "\(result.standardError)")
        }
        let recurring = try HeraldProcess.run(
            [
                "update", "weekly-backup-window", "--reschedule", "--start", "2025-10-26T07:00:00Z", "--end",
                "2025-10-26T09:00:00Z", "--message", "x", "--now", "2025-10-08T00:00:00Z",
            ], in: site.root)
        #expect(recurring.status == 1)
        #expect(recurring.standardError.contains("skip:"))
        let usage = try HeraldProcess.run(
            ["update", "cluster-b-storage-upgrade", "--reschedule", "--message", "x"], in: site.root)
        #expect(usage.status == 64 || usage.status == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// Every Sunday 02:00–04:00 Toronto time: 06:00 UTC while on EDT, 07:00 UTC from 2 November (EST).
    @Test func weeklyWindowKeepsItsWallClockAcrossTheNovemberChange() throws {
        let site = try Site()
        _ = try site.build(at: "2025-10-26T05:00:00Z")
        let started = try site.build(at: "2025-10-26T06:05:00Z")
        #expect(
            started.contains(
                "Cluster A: maintenance started: Weekly backup window for the reseller control panel (until "
                    + "2025-10-26 08:00 UTC)"), "\(started)")
        #expect(started.contains("Cluster A / Mail admin centre: operational → under maintenance"))
        let ended = try site.build(at: "2025-10-26T08:05:00Z")
        #expect(ended.contains("Cluster A: maintenance completed: Weekly backup window"), "\(ended)")
        let page = try site.output("maintenance/\(Self.weekly)/index.html")
        // The next occurrences, each at 02:00 on the Toronto wall clock; 16 November is skipped.
        for (utc, local) in [
            ("2025-11-02T07:00:00Z", "2 Nov 2025, 02:00 EST"),
            ("2025-11-09T07:00:00Z", "9 Nov 2025, 02:00 EST"),
            ("2025-11-23T07:00:00Z", "23 Nov 2025, 02:00 EST"),
        ] {
            #expect(page.contains("<time datetime=\"\(utc)\">\(local)</time>"), "\(utc)")
        }
        #expect(!page.contains("2025-11-16T07:00:00Z"))
        let state = try site.output("api/state.json")
        #expect(state.contains("\"recurrence\" : \"FREQ=WEEKLY;BYDAY=SU;COUNT=8\""))
        let api = try site.output("api/v2/scheduled-maintenances/upcoming.json")
        #expect(api.contains("\"scheduled_for\" : \"2025-11-02T07:00:00.000Z\""))

        let afterChange = try site.build(at: "2025-11-02T07:10:00Z")
        #expect(afterChange.contains("(until 2025-11-02 09:00 UTC)"), "\(afterChange)")
        for page in ["index.html", "clusters/a/index.html", "clusters/b/index.html", "history/index.html"] {
            #expect(
                try site.output(page).contains(
                    "<time datetime=\"2025-11-02T07:00:00Z\">2 Nov 2025, 02:00 EST</time>"),
                "\(page)")
        }
        let event = try site.event(Self.weekly, in: "clusters/b/maintenance.ics")
        #expect(event["DTSTART;TZID=America/Toronto"] == "20251026T020000")
        #expect(event["RRULE"] == "FREQ=WEEKLY;BYDAY=SU;COUNT=8")
        #expect(event["EXDATE;TZID=America/Toronto"] == "20251116T020000")
        let calendar = try site.output("clusters/b/maintenance.ics")
        #expect(
            calendar.contains(
                "BEGIN:STANDARD\r\nDTSTART:20251102T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500"))

        // The skipped Sunday passes without a change; the next one starts at 07:00 UTC.
        #expect(try site.build(at: "2025-11-16T07:10:00Z").contains("maintenance completed"))
        #expect(try !site.build(at: "2025-11-16T09:10:00Z").contains("maintenance"))
        #expect(try site.build(at: "2025-11-23T07:01:00Z").contains("(until 2025-11-23 09:00 UTC)"))
    }
}
