import Foundation
import HeraldCore
import HeraldLoad
import Yams

extension DocumentParser {
    /// `rescheduled:`: the windows a maintenance was moved from, each `{at, start, end}`, oldest first.
    mutating func reschedules(_ node: Node) -> [MaintenanceReschedule] {
        guard let items = reader.list(node, field: "rescheduled") else { return [] }
        var result: [MaintenanceReschedule] = []
        for item in items {
            guard
                let fields = reader.mapping(
                    item, known: ["at", "start", "end"], what: "an item of `rescheduled`")
            else { continue }
            let at = reader.required(fields, "at", in: "`rescheduled`").flatMap {
                reader.time($0, field: "at")
            }
            let start = reader.required(fields, "start", in: "`rescheduled`").flatMap {
                reader.time($0, field: "start")
            }
            let endNode = reader.required(fields, "end", in: "`rescheduled`")
            let end = endNode.flatMap { reader.time($0, field: "end") }
            guard let at, let start, let end, let endNode else { continue }
            guard start < end else {
                reader.error(
                    "the earlier window must end after it starts; it starts \(Timestamp.format(start)) and "
                        + "ends \(Timestamp.format(end))", at: endNode)
                continue
            }
            if let previous = result.last, at < previous.at, let atNode = fields["at"] {
                reader.error(
                    "`rescheduled` lists moves oldest first; this one (\(Timestamp.format(at))) comes before "
                        + "the one above it (\(Timestamp.format(previous.at)))", at: atNode)
            }
            result.append(MaintenanceReschedule(at: at, previousStart: start, previousEnd: end))
        }
        return result
    }
}
