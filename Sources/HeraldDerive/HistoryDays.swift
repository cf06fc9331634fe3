import Foundation
import HeraldCore

/// The calendar days of an uptime history: the last `count` days in a time zone, the one holding `now`
/// last. Days run midnight to midnight local time, so a DST change gives a 23- or 25-hour day.
struct HistoryDays: Sendable {
    /// The first instant of each day, oldest first.
    let starts: [Date]
    /// The first instant after each day (the next day's start).
    let ends: [Date]

    init(count: Int, endingWith now: Date, in timeZone: TimeZone) {
        guard count > 0 else {
            starts = []
            ends = []
            return
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let today = calendar.startOfDay(for: now)
        /// Midnight `offset` days from today; noon is used as the anchor so that a day whose midnight
        /// does not exist (DST at 00:00) still lands on the right date.
        func start(_ offset: Int) -> Date {
            let noon = calendar.date(byAdding: .hour, value: 12, to: today) ?? today
            let shifted = calendar.date(byAdding: .day, value: offset, to: noon) ?? noon
            return calendar.startOfDay(for: shifted)
        }
        let starts = (0...count).map { start($0 - count + 1) }
        self.starts = Array(starts.dropLast())
        self.ends = Array(starts.dropFirst())
    }

    var count: Int { starts.count }
    var isEmpty: Bool { starts.isEmpty }

    /// The index of the day holding instant `time` (start inclusive), clamped into the period.
    func index(containing time: Date) -> Int {
        lastIndex { $0 <= time }
    }

    /// The index of the last day that starts before `time`: the day holding the end of a half-open
    /// interval ending at `time`. Clamped into the period.
    func index(endingAt time: Date) -> Int {
        lastIndex { $0 < time }
    }

    /// Binary search for the last start satisfying `isBefore` (a prefix of `starts`); 0 if none does.
    private func lastIndex(where isBefore: (Date) -> Bool) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if isBefore(starts[mid]) { low = mid + 1 } else { high = mid }
        }
        return max(low - 1, 0)
    }
}
