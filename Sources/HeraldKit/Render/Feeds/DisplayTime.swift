import Foundation

/// Times as people read them in feed content: `2025-10-06 13:40 EDT`, in the site's time zone.
struct DisplayTime {
    private let style: Date.VerbatimFormatStyle
    private let zoneStyle: Date.VerbatimFormatStyle
    private let isUTC: Bool

    init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        style = Date.VerbatimFormatStyle(
            format: """
                \(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \
                \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)
                """,
            locale: Locale(identifier: "en_US"), timeZone: timeZone, calendar: calendar)
        isUTC = Self.utcIdentifiers.contains(timeZone.identifier)
        zoneStyle = Date.VerbatimFormatStyle(
            format: "\(timeZone: .specificName(.short))", locale: Locale(identifier: "en_US"),
            timeZone: timeZone, calendar: calendar)
    }

    func format(_ date: Date) -> String {
        "\(date.formatted(style)) \(isUTC ? "UTC" : date.formatted(zoneStyle))"
    }

    /// Zones ICU would call "GMT"; status pages say UTC.
    private static let utcIdentifiers: Set<String> = [
        "UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal",
        "Zulu",
    ]
}
