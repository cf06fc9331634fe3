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
    /// Written as `reopened: true`: the update reopens a resolved incident.
    package var reopens: Bool
    /// The impact from this update on (`affected:`), when it changes; `[]` once all is operational.
    package var affected: [ComponentImpact]?

    package init(
        at: Date, status: String, message: String, reopens: Bool = false, affected: [ComponentImpact]? = nil
    ) {
        self.at = at
        self.status = status
        self.message = message
        self.reopens = reopens
        self.affected = affected
    }

    /// `affected` as the entries it is written as: consecutive components of one cluster with one
    /// status share an entry.
    var affectedEntries: [(cluster: String, services: [String], status: String)]? {
        affected.map { impacts in
            var entries: [(cluster: String, services: [String], status: String)] = []
            for impact in impacts {
                if let last = entries.last, last.cluster == impact.component.cluster,
                    last.status == impact.status.slug
                {
                    entries[entries.count - 1].services.append(impact.component.service)
                } else {
                    entries.append((impact.component.cluster, [impact.component.service], impact.status.slug))
                }
            }
            return entries
        }
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
        ] + (reopens ? ["\(keys)reopened: true"] : []) + ["\(keys)message: \(block.indicator)"] + block.lines
            + affectedLines(keys: keys)
    }

    private func affectedLines(keys: String) -> [String] {
        guard let entries = affectedEntries else { return [] }
        guard !entries.isEmpty else { return ["\(keys)affected: []"] }
        return ["\(keys)affected:"]
            + entries.flatMap { entry in
                [
                    "\(keys)  - cluster: \(YAMLScalar.inline(entry.cluster))",
                    "\(keys)    services: \(YAMLScalar.flowList(entry.services))",
                    "\(keys)    status: \(entry.status)",
                ]
            }
    }
}
