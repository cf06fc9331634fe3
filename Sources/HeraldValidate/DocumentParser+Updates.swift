import Foundation
import HeraldCore
import HeraldLoad
import HeraldMarkdown
import Yams

extension DocumentParser {
    /// One timeline update with where its `at` was written, for ordering errors.
    struct LocatedUpdate<Phase: Hashable & Sendable> {
        var update: TimelineUpdate<Phase>
        var atLocation: SourceLocation
        /// Where `reopened:` was written, when it was.
        var reopenedLocation: SourceLocation? = nil
    }

    /// An `updates:` list, oldest first (file order for equal times), each with a stable id.
    mutating func updates<Phase: Hashable & Sendable>(
        _ node: Node, phases: [(String, Phase)], mode: AffectedMode
    ) -> [LocatedUpdate<Phase>] {
        guard let items = reader.list(node, field: "updates") else { return [] }
        var updates: [LocatedUpdate<Phase>] = []
        for item in items {
            // Only an incident can be reopened (`reopened: true`, see DocumentParser+Resolution.swift).
            let known = ["at", "status", "message", "affected"] + (mode == .incident ? ["reopened"] : [])
            guard let fields = reader.mapping(item, known: known, what: "an update") else { continue }
            let reopenedNode = fields["reopened"]
            let reopens = reopenedNode.flatMap { reader.bool($0, field: "reopened") } ?? false
            let atNode = reader.required(fields, "at", in: "an update")
            let at = atNode.flatMap { reader.time($0, field: "at") }
            let status = reader.required(fields, "status", in: "an update").flatMap {
                reader.choice($0, field: "status", phases)
            }
            let message =
                fields["message"].map { reader.markdown($0, field: "message") }
                ?? MarkdownText("", at: fields.location)
            var affected: [ComponentImpact]?
            if let affectedNode = fields["affected"] {
                affected = self.affected(affectedNode, mode: mode, requireEntries: false)
                if affected == nil { continue }
            }
            guard let atNode, let at, let status, let message else { continue }
            updates.append(
                LocatedUpdate(
                    update: TimelineUpdate(
                        at: at, status: status, message: message, affected: affected, id: "", reopens: reopens
                    ),
                    atLocation: reader.location(of: atNode),
                    reopenedLocation: reopenedNode.map { reader.location(of: $0) }))
        }
        // Stable: equal times keep file order.
        let ordered = updates.enumerated().sorted {
            ($0.element.update.at, $0.offset) < ($1.element.update.at, $1.offset)
        }
        .map(\.element)
        return Self.assigningIDs(ordered)
    }

    /// `u-20251006T174000Z`, then `-2`, `-3`… for updates at the same second: stable across builds and
    /// unchanged when a message is edited.
    static func assigningIDs<Phase>(_ updates: [LocatedUpdate<Phase>]) -> [LocatedUpdate<Phase>] {
        var ids = UniqueNames()
        return updates.map { located in
            var copy = located
            copy.update.id = ids.claim("u-" + Timestamp.compact(located.update.at))
            return copy
        }
    }
}
