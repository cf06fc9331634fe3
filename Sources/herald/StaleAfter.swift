import ArgumentParser
import Foundation

/// A duration written as `4h`, `90m`, `1h30m` or `2d` (for `check --stale-after`).
struct StaleAfter: ExpressibleByArgument {
    var seconds: TimeInterval

    static let fourHours = StaleAfter(seconds: 4 * 3600)

    init(seconds: TimeInterval) {
        self.seconds = seconds
    }

    init?(argument: String) {
        let units: [Character: TimeInterval] = ["d": 86_400, "h": 3600, "m": 60, "s": 1]
        var total: TimeInterval = 0
        var digits = ""
        for character in argument {
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
        seconds = total
    }

    var defaultValueDescription: String { "4h" }
}
