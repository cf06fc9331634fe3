import Foundation
import HeraldCore
import HeraldDerive

/// The forms `herald diff` and `herald build` print a diff in.
package enum ChangeFormatter {
    /// One line a change (SPEC §5.1), each ending in a newline; empty when nothing changed.
    package static func text(_ changes: StateChanges) -> String {
        changes.changes.map { ChangeText.line($0) + "\n" }.joined()
    }

    /// A message a person can paste or CI can post: a section per cluster and audience, with
    /// links to the incident and maintenance pages and the latest update quoted.
    package static func markdown(_ changes: StateChanges) -> String {
        ChangeMarkdown.render(changes)
    }

    /// The bytes of `api/changes.json`.
    package static func json(_ changes: StateChanges) -> Data { changes.encoded() }
}
