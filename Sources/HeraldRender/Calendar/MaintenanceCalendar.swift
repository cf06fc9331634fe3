import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `maintenance.ics` and `clusters/<id>/maintenance.ics`: one iCalendar (RFC 5545) event per
/// maintenance window, so resellers can subscribe from their calendar app to every window or to
/// their cluster's. One-off windows are in UTC; a recurring one is a single event with an `RRULE`
/// (and `EXDATE` for skipped days) on the site's wall clock, with the zone's `VTIMEZONE`.
package enum MaintenanceCalendar {
    /// How far ahead the `VTIMEZONE` of an endless rule reaches, from `now`.
    static let endlessZoneSpan: TimeInterval = 5 * 366 * 86_400

    /// The site-wide calendar, then one per cluster.
    package static func render(_ context: RenderContext) -> [OutputFile] {
        let site = context.site
        let status = context.status
        let content = context.content
        let published = context.published
        let config = site.config
        var files = [
            OutputFile(
                path: SitePaths.calendar,
                text: calendar(
                    published.maintenances, name: "\(config.title) – maintenance", site: site, status: status,
                    content: content))
        ]
        for cluster in config.clusters {
            let windows = published.maintenances.filter { item in
                item.maintenance.components.contains { $0.cluster == cluster.id }
            }
            files.append(
                OutputFile(
                    path: SitePaths.clusterCalendar(cluster.id),
                    text: calendar(
                        windows, name: "\(config.title) – \(cluster.name) maintenance", site: site,
                        status: status, content: content)))
        }
        return files
    }

    private static func calendar(
        _ windows: [PublishedMaintenance], name: String, site: Site, status: SiteStatus,
        content: RenderedContent
    ) -> String {
        let config = site.config
        let zone = CalendarTimeZone(config.timeZone)
        let directory = ComponentDirectory(config)
        let wording = MaintenanceWording(clock: zone.clock)
        let stamp = UTCTimestamp(status.now).iCalendar
        let host = config.baseURL.host

        var text = ICalendarText.property("BEGIN", "VCALENDAR")
        text += ICalendarText.property("VERSION", "2.0")
        text += ICalendarText.property("PRODID", "-//Herald//Herald status site//EN")
        text += ICalendarText.property("CALSCALE", "GREGORIAN")
        text += ICalendarText.property("METHOD", "PUBLISH")
        text += ICalendarText.textProperty("X-WR-CALNAME", name)
        let rules = windows.compactMap(\.maintenance.recurrence)
        if !zone.isUTC, let first = rules.map(\.first.start).min() {
            let last = rules.map { rule in
                rule.until ?? (rule.count != nil ? rule.occurrences { _ in true }.last?.end : nil)
                    ?? status.now.addingTimeInterval(endlessZoneSpan)
            }.max()
            text += zone.component(from: first, through: last ?? first)
        }
        // Oldest window first, as calendars list them.
        for item in windows.reversed() {
            let maintenance = item.maintenance
            let url = config.baseURL.url(SitePaths.maintenance(item.slug))
            text += ICalendarText.property("BEGIN", "VEVENT")
            text += ICalendarText.textProperty("UID", "\(item.slug)@\(host)")
            text += ICalendarText.property("DTSTAMP", stamp)
            if let rule = maintenance.recurrence {
                text += zone.property("DTSTART", rule.first.start)
                text += zone.property("DTEND", rule.first.end)
                text += ICalendarText.property("RRULE", rule.rrule)
                rule.walk { occurrence, _, skipped in
                    if skipped { text += zone.property("EXDATE", occurrence.start) }
                    return true
                }
            } else {
                text += ICalendarText.property("DTSTART", UTCTimestamp(maintenance.start).iCalendar)
                text += ICalendarText.property("DTEND", UTCTimestamp(maintenance.end).iCalendar)
            }
            let modified = [item.updates.last?.at, maintenance.reschedules.last?.at].compactMap { $0 }.max()
            if let modified {
                text += ICalendarText.property("LAST-MODIFIED", UTCTimestamp(modified).iCalendar)
            }
            text += ICalendarText.property("SEQUENCE", String(maintenance.revision))
            text += ICalendarText.textProperty(
                "SUMMARY", maintenance.cancelled ? "Cancelled: \(maintenance.title)" : maintenance.title)
            text += ICalendarText.textProperty(
                "DESCRIPTION",
                description(
                    item, directory: directory, wording: wording,
                    summary: content.maintenances[item.slug]?.summary,
                    url: url))
            text += ICalendarText.property("URL", url)
            text += ICalendarText.property("STATUS", maintenance.cancelled ? "CANCELLED" : "CONFIRMED")
            text += ICalendarText.property("TRANSP", "OPAQUE")
            text += ICalendarText.property("END", "VEVENT")
        }
        text += ICalendarText.property("END", "VCALENDAR")
        return text
    }

    /// Plain text: whether it was called off or moved, how it recurs, the affected components
    /// by name, the summary and the page's address.
    private static func description(
        _ item: PublishedMaintenance, directory: ComponentDirectory, wording: MaintenanceWording,
        summary: String?,
        url: String
    ) -> String {
        var paragraphs: [String] = []
        if item.maintenance.cancelled {
            paragraphs.append("Cancelled: this maintenance will not take place.")
        }
        if let previous = wording.previousWindow(item.maintenance) {
            paragraphs.append("Rescheduled from \(previous).")
        }
        if let rule = item.maintenance.recurrence {
            paragraphs.append("Repeats: \(wording.recurrence(rule)).")
        }
        let names = directory.sorted(item.maintenance.components).map(directory.name(of:))
        if !names.isEmpty { paragraphs.append("Affected: " + names.joined(separator: ", ")) }
        if let summary, !summary.isEmpty { paragraphs.append(summary) }
        paragraphs.append(url)
        return paragraphs.joined(separator: "\n\n")
    }
}
