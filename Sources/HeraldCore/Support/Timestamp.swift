import Foundation

/// RFC 3339 times, as content files, `--now` and every output use them.
///
/// Parsing and formatting are done by hand on the proleptic Gregorian calendar, so they are exact,
/// fast and independent of the machine's locale and time zone.
package enum Timestamp {
    /// RFC 3339 with mandatory offset (`Z` or `±hh:mm`), optional seconds and fraction; nil otherwise.
    ///
    /// `T` or a space separates date and time; `t`/`z` are accepted as RFC 3339 allows.
    package static func parse(_ text: String) -> Date? {
        var scanner = DigitScanner(text)
        guard let date = scanner.date(), scanner.take(where: { $0 == "T" || $0 == "t" || $0 == " " }),
            let hour = scanner.number(digits: 2), hour <= 23, scanner.take(":"),
            let minute = scanner.number(digits: 2), minute <= 59
        else { return nil }
        var seconds = 0.0
        if scanner.take(":") {
            guard let whole = scanner.number(digits: 2), whole <= 59 else { return nil }
            seconds = Double(whole)
            if scanner.take(".") {
                guard let fraction = scanner.fraction() else { return nil }
                seconds += fraction
            }
        }
        guard let offset = scanner.offset(), scanner.isAtEnd else { return nil }
        let days = Double(CivilDate.daysSinceEpoch(year: date.year, month: date.month, day: date.day))
        let local = days * 86_400 + Double(hour * 3600 + minute * 60) + seconds
        return Date(timeIntervalSince1970: local - Double(offset))
    }

    /// For text shaped like an RFC 3339 time whose field is out of range, which field and why
    /// (`there is no hour 25 (hours go from 00 to 23)`); nil for any other text.
    package static func outOfRangeField(_ text: String) -> String? {
        let shape =
            /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})$/
        guard let match = text.wholeMatch(of: shape), let year = Int(match.1), let month = Int(match.2),
            let day = Int(match.3), let hour = Int(match.4), let minute = Int(match.5)
        else { return nil }
        if !(1...12).contains(month) { return "there is no month \(match.2) (months go from 01 to 12)" }
        let days = CivilDate.daysInMonth(year: year, month: month)
        if !(1...days).contains(day) {
            return "there is no day \(match.3) in that month (it has \(days) days)"
        }
        if hour > 23 { return "there is no hour \(match.4) (hours go from 00 to 23)" }
        if minute > 59 { return "there is no minute \(match.5) (minutes go from 00 to 59)" }
        if let second = match.6.flatMap({ Int($0) }), second > 59 {
            return "there is no second \(second) (seconds go from 00 to 59)"
        }
        return nil
    }

    /// A bare `YYYY-MM-DD` date (as blog posts may use), or nil.
    package static func parseDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        var scanner = DigitScanner(text)
        guard let date = scanner.date(), scanner.isAtEnd else { return nil }
        return date
    }

    /// For `--now`: RFC 3339, or `@SECONDS` (Unix time, as `SOURCE_DATE_EPOCH` gives it).
    package static func parseNow(_ text: String) -> Date? {
        guard text.hasPrefix("@") else { return parse(text) }
        let digits = text.dropFirst()
        let unsigned = digits.hasPrefix("-") ? digits.dropFirst() : digits
        guard !unsigned.isEmpty, unsigned.count <= 15, unsigned.allSatisfy({ $0.isASCII && $0.isNumber }),
            let seconds = Int(digits)
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// UTC RFC 3339 with `Z` and whole seconds, e.g. `2025-10-06T17:30:00Z`.
    package static func format(_ date: Date) -> String { UTCTimestamp(date).rfc3339 }

    /// `date` without its fraction of a second: the precision of `format`, so a time that went
    /// through a file compares equal to the one that was written.
    package static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    /// `20251006T174000Z`: the UTC time without separators, for ids.
    package static func compact(_ date: Date) -> String { UTCTimestamp(date).iCalendar }
}

/// Conversions between Gregorian dates and days since 1970-01-01 (Howard Hinnant's algorithms).
enum CivilDate {
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func fromDaysSinceEpoch(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Reads the fixed-width numeric fields of an RFC 3339 time.
private struct DigitScanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var isAtEnd: Bool { index == scalars.count }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        take(where: { $0 == character })
    }

    mutating func take(where predicate: (Unicode.Scalar) -> Bool) -> Bool {
        guard index < scalars.count, predicate(scalars[index]) else { return false }
        index += 1
        return true
    }

    /// Exactly `digits` ASCII digits.
    mutating func number(digits: Int) -> Int? {
        guard scalars.count - index >= digits else { return nil }
        var value = 0
        for scalar in scalars[index..<index + digits] {
            guard let digit = Self.digit(scalar) else { return nil }
            value = value * 10 + digit
        }
        index += digits
        return value
    }

    /// The digits after a decimal point, as a fraction of a second.
    mutating func fraction() -> Double? {
        var text = "0."
        while index < scalars.count, Self.digit(scalars[index]) != nil {
            text.unicodeScalars.append(scalars[index])
            index += 1
        }
        return text.count > 2 ? Double(text) : nil
    }

    /// `YYYY-MM-DD`, checked against the calendar.
    mutating func date() -> (year: Int, month: Int, day: Int)? {
        guard let year = number(digits: 4), take("-"), let month = number(digits: 2),
            (1...12).contains(month),
            take("-"), let day = number(digits: 2),
            (1...CivilDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        return (year, month, day)
    }

    /// `Z` or `±hh:mm`, in seconds east of UTC.
    mutating func offset() -> Int? {
        if take(where: { $0 == "Z" || $0 == "z" }) { return 0 }
        let sign: Int
        if take("+") {
            sign = 1
        } else if take("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(digits: 2), hours <= 23, take(":"), let minutes = number(digits: 2),
            minutes <= 59
        else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        (48...57).contains(scalar.value) ? Int(scalar.value) - 48 : nil
    }
}
