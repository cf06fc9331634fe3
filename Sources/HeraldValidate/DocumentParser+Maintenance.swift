import Foundation
import HeraldCore
import HeraldLoad
import HeraldMarkdown
import Yams

extension DocumentParser {
    /// The fields of `Content/maintenance/*.md` (SPEC §3.3).
    mutating func maintenance(_ fields: Fields, _ header: Header) -> Maintenance? {
        let what = "the maintenance's front matter"
        var start: Date?
        var end: Date?
        if let windowNode = reader.required(fields, "window", in: what),
            let window = reader.mapping(windowNode, known: ["start", "end"], what: "`window`")
        {
            start = reader.required(window, "start", in: "`window`").flatMap {
                reader.time($0, field: "start")
            }
            let endNode = reader.required(window, "end", in: "`window`")
            end = endNode.flatMap { reader.time($0, field: "end") }
            if let start, let endValue = end, let endNode, endValue <= start {
                reader.error(
                    "the window must end after it starts; it starts \(Timestamp.format(start)) and ends "
                        + Timestamp.format(endValue), at: endNode)
            }
        }
        let reschedules = fields["rescheduled"].map { self.reschedules($0) } ?? []
        var recurrence: MaintenanceRecurrence?
        if let start, let end, start < end {
            recurrence = self.recurrence(fields, first: MaintenanceOccurrence(start: start, end: end))
        }
        let cancelled = fields["cancelled"].map { reader.bool($0, field: "cancelled") } ?? false
        let affected = reader.required(fields, "affected", in: what).flatMap {
            self.affected($0, mode: .maintenance, requireEntries: true)
        }
        let updates =
            fields["updates"].map {
                self.updates(
                    $0, phases: MaintenancePhase.allCases.map { ($0.rawValue, $0) }, mode: .maintenance)
            } ?? []
        let related = fields["related"].map { incidentReferences($0, field: "related") } ?? []

        guard let slug = document.slug, let title = header.title, let body = header.body, let start, let end,
            let cancelled, let affected
        else { return nil }
        return Maintenance(
            slug: slug, title: title, start: start, end: end, cancelled: cancelled,
            components: affected.map(\.component), updates: updates.map(\.update),
            questions: header.questions,
            related: related, body: body, source: file.path, reschedules: reschedules,
            recurrence: recurrence)
    }
}
