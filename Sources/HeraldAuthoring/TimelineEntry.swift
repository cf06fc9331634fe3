import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// The update `herald update` adds to a timeline.
package struct TimelineEntry: Sendable, Equatable {
    package var at: Date
    package var status: String
    /// Markdown; written as a `|` block scalar.
    package var message: String

    package init(at: Date, status: String, message: String) {
        self.at = at
        self.status = status
        self.message = message
    }

    /// The front matter lines of this update as a list item: `- ` at `dashIndent`, keys at `keyIndent`.
    func lines(dashIndent: Int, keyIndent: Int) -> [String] {
        let dash = String(repeating: " ", count: dashIndent)
        let keys = String(repeating: " ", count: keyIndent)
        let block = YAMLScalar.block(message, indent: keyIndent + 2, indentationIndicator: 2)
        return [
            "\(dash)-" + String(repeating: " ", count: keyIndent - dashIndent - 1)
                + "at: \(Timestamp.format(at))",
            "\(keys)status: \(YAMLScalar.inline(status))",
            "\(keys)message: \(block.indicator)",
        ] + block.lines
    }
}
