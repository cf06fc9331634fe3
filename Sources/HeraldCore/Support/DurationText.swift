import Foundation

/// Durations as people write them in `site.yml` and on the command line: `4h`, `90m`, `1h30m`,
/// `2d` (units `d`, `h`, `m`, `s`, each after a whole number).
package enum DurationText {
    /// The duration in seconds; nil when `text` is not one, or is zero.
    package static func seconds(_ text: String) -> TimeInterval? {
        let units: [Character: TimeInterval] = ["d": 86_400, "h": 3600, "m": 60, "s": 1]
        var total: TimeInterval = 0
        var digits = ""
        for character in text {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if let unit = units[character], let value = Double(digits) {
                total += value * unit
                digits = ""
            } else {
                return nil
            }
        }
        guard digits.isEmpty, total > 0 else { return nil }
        return total
    }
}
