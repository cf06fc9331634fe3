import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldRender
@testable import HeraldTestSupport

/// `DisplayClock` does its own calendar arithmetic; it must agree with Foundation's `Calendar`
/// in every zone, across daylight-saving changes and at odd offsets.
@Suite struct DisplayClockTests {
    static let zones = [
        "America/Toronto", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "UTC",
        "America/St_Johns",
    ]

    @Test(arguments: zones) func fieldsMatchFoundationsCalendar(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let clock = DisplayClock(timeZone: timeZone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        // Every 7 h 13 min over two years: both sides of every DST change, all hours of the day.
        var date = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01T00:00:00Z
        for _ in 0..<2_500 {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let year = try #require(parts.year)
            let month = try #require(parts.month)
            #expect(clock.monthKey(date) == year * 100 + month, "\(zone) \(date)")
            let time = String(format: "%02d:%02d", try #require(parts.hour), try #require(parts.minute))
            #expect(clock.time(date).hasPrefix(time + " "), "\(zone) \(date)")
            #expect(clock.dateTime(date).hasPrefix("\(try #require(parts.day)) "), "\(zone) \(date)")
            date.addTimeInterval(7 * 3600 + 13 * 60)
        }
    }

    let toronto = DisplayClock(timeZone: TimeZone(identifier: "America/Toronto")!)

    @Test func formatsInTheSiteZoneWithItsName() throws {
        let instant = try #require(Timestamp.parse("2025-10-06T17:30:00Z"))
        #expect(toronto.dateTime(instant) == "6 Oct 2025, 13:30 EDT")
        #expect(toronto.day(instant) == "6 October 2025")
        #expect(toronto.month(instant) == "October 2025")
        let winter = try #require(Timestamp.parse("2025-12-01T03:05:00Z"))
        #expect(toronto.dateTime(winter) == "30 Nov 2025, 22:05 EST")
        #expect(DisplayClock(timeZone: .gmt).time(winter) == "03:05 UTC")
    }

    @Test func formatsDurations() throws {
        let start = Date(timeIntervalSince1970: 0)
        #expect(DisplayClock.duration(from: start, to: start.addingTimeInterval(45 * 60)) == "45 min")
        #expect(
            DisplayClock.duration(from: start, to: start.addingTimeInterval(9 * 3600 + 35 * 60))
                == "9 h 35 min")
        #expect(
            DisplayClock.duration(from: start, to: start.addingTimeInterval(2 * 86_400 + 3600)) == "2 d 1 h")
    }
}
