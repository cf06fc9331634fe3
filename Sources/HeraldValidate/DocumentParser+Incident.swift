import Foundation
import HeraldCore
import HeraldLoad
import HeraldMarkdown
import Yams

extension DocumentParser {
    /// The fields of `Content/incidents/*.md` (SPEC §3.2).
    mutating func incident(_ fields: Fields, _ header: Header) -> Incident? {
        let what = "the incident's front matter"
        let startedNode = reader.required(fields, "started", in: what)
        let started = startedNode.flatMap { reader.time($0, field: "started") }
        let resolvedNode = fields["resolved"]
        let resolvedField = resolvedNode.flatMap { reader.time($0, field: "resolved") }
        let impactField = fields["impact"].flatMap {
            reader.choice($0, field: "impact", Impact.allCases.map { ($0.slug, $0) })
        }
        let affected = reader.required(fields, "affected", in: what).flatMap {
            self.affected($0, mode: .incident, requireEntries: true)
        }
        let updates =
            fields["updates"].map {
                self.updates($0, phases: IncidentPhase.allCases.map { ($0.rawValue, $0) }, mode: .incident)
            } ?? []
        let related = fields["related"].map { incidentReferences($0, field: "related") } ?? []

        let resolved = checkResolution(
            updates, started: started, resolvedField: resolvedField, resolvedNode: resolvedNode,
            slug: document.slug)
        if let started {
            if let resolvedField, let resolvedNode, resolvedField < started {
                reader.error(
                    "`resolved` (\(Timestamp.format(resolvedField))) is before `started` (\(Timestamp.format(started)))",
                    at: resolvedNode)
            }
            for located in updates where located.update.at < started {
                reader.error(
                    "this update (\(Timestamp.format(located.update.at))) is before `started` "
                        + "(\(Timestamp.format(started)))", at: located.atLocation)
            }
        }

        let postmortem = fields["postmortem"].flatMap {
            self.postmortem($0, key: fields.keyNode("postmortem"), resolved: resolved)
        }

        guard let slug = document.slug, let title = header.title, let body = header.body, let started,
            let affected
        else { return nil }
        document.startedLocation = startedNode.map { reader.location(of: $0) }
        document.updateLocations = updates.map(\.atLocation)
        let timeline = updates.map(\.update)
        let impact = impactField ?? Incident.derivedImpact(affected: affected, updates: timeline)
        return Incident(
            slug: slug, title: title, started: started, resolved: resolved, impact: impact,
            affected: affected,
            updates: timeline, questions: header.questions, related: related, body: body, source: file.path,
            impactIsDeclared: impactField != nil, postmortem: postmortem)
    }
}
