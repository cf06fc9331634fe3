import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// The text of a new incident, maintenance or post: valid front matter with every time in
/// RFC 3339, a first update stub, and commented hints for the fields people add next.
struct NewItemText {
    let item: NewItem
    /// Cluster ids to write, with the names used in the stub message.
    let clusters: [(id: String, name: String)]
    /// Service id → name, for the stub message.
    var serviceNames: [String: String] = [:]

    var text: String {
        var lines = ["---", "title: " + YAMLScalar.inline(item.title)]
        switch item.kind {
        case .incident: lines += incidentLines
        case .maintenance: lines += maintenanceLines
        case .post: lines += postLines
        }
        lines += Self.questionLines + ["---"]
        lines.append(bodyPlaceholder)
        return lines.joined(separator: "\n") + "\n"
    }

    private var now: String { Timestamp.format(item.now) }

    private var incidentLines: [String] {
        var lines = ["started: \(now)"]
        lines.append(
            item.impact.map { "impact: \(YAMLScalar.inline($0))" }
                ?? "# impact: major   # none|minor|major|critical; worked out from the statuses when left out"
        )
        lines.append("affected:")
        for cluster in clusters {
            lines += affectedEntry(cluster.id)
            lines.append(
                "    status: \(YAMLScalar.inline(item.status))   # degraded-performance|partial-outage|major-outage"
            )
        }
        lines += [
            "updates:",
            "  - at: \(now)",
            "    status: investigating   # investigating|identified|monitoring|resolved",
        ]
        lines += message("We are investigating reports of problems with \(affectedSentence).")
        return lines
    }

    private var maintenanceLines: [String] {
        let window = item.window
        var lines = [
            "window:",
            "  start: \(Timestamp.format(window.start))",
            "  end: \(Timestamp.format(window.end))",
            "affected:",
        ]
        for cluster in clusters { lines += affectedEntry(cluster.id) }
        lines += [
            "updates:",
            "  - at: \(now)",
            "    status: scheduled   # scheduled|in-progress|verifying|completed",
        ]
        lines += message("We will carry out maintenance on \(affectedSentence) during this window.")
        return lines
    }

    private var postLines: [String] {
        [
            "date: \(now)",
            "# author: Reseller Support",
            "# summary: One line for lists and feeds; the first paragraph when left out",
            "# tags: [email]",
            "# clusters: [a]      # the post also appears on these clusters' pages",
            "# incidents: []      # slugs of incidents this post explains",
        ]
    }

    private func affectedEntry(_ cluster: String) -> [String] {
        var lines = ["  - cluster: \(YAMLScalar.inline(cluster))"]
        if !item.services.isEmpty { lines.append("    services: \(YAMLScalar.flowList(item.services))") }
        return lines
    }

    private func message(_ text: String) -> [String] {
        let block = YAMLScalar.block(text, indent: 6, indentationIndicator: 2)
        return ["    message: \(block.indicator)"] + block.lines
    }

    /// "Cluster A" or "Cluster A and Cluster B", with the services when given.
    private var affectedSentence: String {
        let names = clusters.map(\.name)
        let joined =
            names.count > 1
            ? names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "") : names.joined()
        let services = item.services.map { serviceNames[$0] ?? $0 }
        return services.isEmpty ? joined : "\(joined) (\(services.joined(separator: ", ")))"
    }

    private var bodyPlaceholder: String {
        switch item.kind {
        case .incident:
            "<!-- The summary shown above the timeline; after the incident, the postmortem. -->"
        case .maintenance:
            "<!-- What resellers may notice during the window, and what they need to do (usually nothing). -->"
        case .post:
            "Write the post here. Its first paragraph is the summary in lists and feeds."
        }
    }

    private static let questionLines = [
        "questions: []",
        "# questions:",
        "#   - q: Is any mail lost?",
        "#     a: |",
        "#       No. Incoming mail is queued and delivered once the service recovers.",
    ]
}
