import Foundation
import HeraldCore

/// The `VTIMEZONE` a calendar with recurring events carries (RFC 5545 §3.6.5), and the local
/// `DATE-TIME` forms that refer to it.
struct CalendarTimeZone {
    var timeZone: TimeZone
    var clock: DisplayClock

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
        clock = DisplayClock(timeZone: timeZone)
    }

    /// UTC by another name: times are written with `Z` and no `VTIMEZONE` is needed.
    var isUTC: Bool { clock.zoneIdentifier == "UTC" }

    var identifier: String { timeZone.identifier }

    /// `DTSTART;TZID=America/Toronto:20251026T020000`, or `DTSTART:20251026T060000Z` in UTC.
    func property(_ name: String, _ date: Date) -> String {
        isUTC
            ? ICalendarText.property(name, UTCTimestamp(date).iCalendar)
            : ICalendarText.property("\(name);TZID=\(identifier)", local(date))
    }

    /// The zone's wall clock at `date`, without an offset: `20251026T020000`.
    private func local(_ date: Date) -> String {
        String(
            UTCTimestamp(date.addingTimeInterval(TimeInterval(timeZone.secondsFromGMT(for: date)))).iCalendar
                .dropLast())
    }

    /// The `VTIMEZONE` component covering `start` through `end`: the observance in force at
    /// `start`, then one per offset change up to `end`, from the IANA database.
    func component(from start: Date, through end: Date) -> String {
        var transitions: [Date] = []
        var cursor = start.addingTimeInterval(-400 * 86_400)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next <= end,
            transitions.count < 1000
        {
            transitions.append(next)
            cursor = next
        }
        // The last change before `start` opens the list; earlier ones are of no use.
        if let opening = transitions.lastIndex(where: { $0 <= start }) { transitions.removeFirst(opening) }
        var text = ICalendarText.property("BEGIN", "VTIMEZONE")
        text += ICalendarText.property("TZID", identifier)
        if transitions.first.map({ $0 > start }) ?? true {
            let offset = Self.offset(timeZone.secondsFromGMT(for: start))
            text += observance(
                timeZone.isDaylightSavingTime(for: start) ? "DAYLIGHT" : "STANDARD", onset: "19700101T000000",
                from: offset, to: offset, name: clock.zoneName(at: start))
        }
        for transition in transitions {
            let before = timeZone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = timeZone.secondsFromGMT(for: transition)
            // The onset is written on the wall clock as it read just before the change.
            let onset = String(
                UTCTimestamp(transition.addingTimeInterval(TimeInterval(before))).iCalendar.dropLast())
            text += observance(
                timeZone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD", onset: onset,
                from: Self.offset(before), to: Self.offset(after), name: clock.zoneName(at: transition))
        }
        text += ICalendarText.property("END", "VTIMEZONE")
        return text
    }

    private func observance(_ kind: String, onset: String, from: String, to: String, name: String) -> String {
        ICalendarText.property("BEGIN", kind) + ICalendarText.property("DTSTART", onset)
            + ICalendarText.property("TZOFFSETFROM", from) + ICalendarText.property("TZOFFSETTO", to)
            + ICalendarText.textProperty("TZNAME", name) + ICalendarText.property("END", kind)
    }

    /// `-0500`, `+0530`.
    static func offset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + UTCTimestamp.pad(minutes / 60, 2)
            + UTCTimestamp.pad(minutes % 60, 2)
    }
}
