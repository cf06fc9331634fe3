import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `maintenance.ics`: one iCalendar (RFC 5545) event per maintenance window, so resellers
/// can subscribe from their calendar app.
package enum MaintenanceCalendar {
    package static func render(site: Site, status: SiteStatus, content: RenderedContent) -> OutputFile {
        let config = site.config
        let published = PublishedContent(site: site, status: status)
        let directory = ComponentDirectory(config)
        let stamp = UTCTimestamp(status.now).iCalendar
        let host = config.baseURL.host

        var text = ICalendarText.property("BEGIN", "VCALENDAR")
        text += ICalendarText.property("VERSION", "2.0")
        text += ICalendarText.property("PRODID", "-//Herald//Herald status site//EN")
        text += ICalendarText.property("CALSCALE", "GREGORIAN")
        text += ICalendarText.property("METHOD", "PUBLISH")
        text += ICalendarText.textProperty("X-WR-CALNAME", "\(config.title) – maintenance")
        // Oldest window first, as calendars list them.
        for item in published.maintenances.reversed() {
            let maintenance = item.maintenance
            let url = config.baseURL.url(SitePaths.maintenance(item.slug))
            text += ICalendarText.property("BEGIN", "VEVENT")
            text += ICalendarText.textProperty("UID", "\(item.slug)@\(host)")
            text += ICalendarText.property("DTSTAMP", stamp)
            text += ICalendarText.property("DTSTART", UTCTimestamp(maintenance.start).iCalendar)
            text += ICalendarText.property("DTEND", UTCTimestamp(maintenance.end).iCalendar)
            if let lastUpdate = item.updates.last {
                text += ICalendarText.property("LAST-MODIFIED", UTCTimestamp(lastUpdate.at).iCalendar)
            }
            text += ICalendarText.property("SEQUENCE", String(item.updates.count))
            text += ICalendarText.textProperty(
                "SUMMARY", maintenance.cancelled ? "Cancelled: \(maintenance.title)" : maintenance.title)
            text += ICalendarText.textProperty(
                "DESCRIPTION",
                description(
                    item, directory: directory, summary: content.maintenances[item.slug]?.summary, url: url))
            text += ICalendarText.property("URL", url)
            text += ICalendarText.property("STATUS", maintenance.cancelled ? "CANCELLED" : "CONFIRMED")
            text += ICalendarText.property("TRANSP", "OPAQUE")
            text += ICalendarText.property("END", "VEVENT")
        }
        text += ICalendarText.property("END", "VCALENDAR")
        return OutputFile(path: SitePaths.calendar, text: text)
    }

    /// Plain text: whether it was called off, the affected components by name, the summary
    /// and the page's address.
    private static func description(
        _ item: PublishedMaintenance, directory: ComponentDirectory, summary: String?, url: String
    ) -> String {
        var paragraphs: [String] = []
        if item.maintenance.cancelled {
            paragraphs.append("Cancelled: this maintenance will not take place.")
        }
        let names = directory.sorted(item.maintenance.components).map(directory.name(of:))
        if !names.isEmpty { paragraphs.append("Affected: " + names.joined(separator: ", ")) }
        if let summary, !summary.isEmpty { paragraphs.append(summary) }
        paragraphs.append(url)
        return paragraphs.joined(separator: "\n\n")
    }
}
