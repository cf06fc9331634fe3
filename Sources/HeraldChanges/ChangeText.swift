import Foundation
import HeraldCore
import HeraldDerive

/// The words shared by every rendering of a change: status labels, times, one-line summaries.
///
/// Times are shown in UTC, labelled as such, since a change may be read in any time zone.
enum ChangeText {
    /// An incident's phase or a window's state as words: `identified`, `upcoming`.
    static func statusLabel(_ slug: String) -> String {
        slug.replacingOccurrences(of: "-", with: " ")
    }

    /// `operational → partial outage`.
    static func transition(_ change: Change) -> String {
        "\(label(change.from)) → \(label(change.to))"
    }

    private static func label(_ status: ComponentStatus?) -> String {
        status?.label.lowercased() ?? ""
    }

    /// `Incident opened`, `Maintenance started`.
    static func kindHeading(_ kind: ChangeKind) -> String {
        kind.label.prefix(1).uppercased() + kind.label.dropFirst()
    }

    /// The parenthesised detail of an incident or maintenance change, if it has one.
    static func detail(_ change: Change) -> String? {
        switch change.kind {
        case .componentStatus, .incidentResolved, .postmortemPublished, .maintenanceCompleted:
            return nil
        case .incidentOpened, .incidentUpdated, .incidentReopened:
            return change.status.map { statusLabel($0) }
        case .maintenanceScheduled:
            return change.window.map(window)
        case .maintenanceRescheduled:
            guard let now = change.window else { return nil }
            return change.previousWindow.map { "was \(window($0)), now \(window(now))" } ?? window(now)
        case .maintenanceStarted:
            return change.window.map { "until \(time($0.end))" }
        case .maintenanceCancelled:
            return change.window.map { "was \(window($0))" }
        }
    }

    /// One line a change, as `herald diff --format text` prints it (SPEC §5.1):
    /// `Cluster A / Inbound mail: operational → partial outage (Cluster A email service issues)`.
    static func line(_ change: Change) -> String {
        if change.kind == .componentStatus {
            let causes = change.causes ?? []
            let suffix = causes.isEmpty ? "" : " (\(causes.map(\.title).joined(separator: ", ")))"
            return oneLine(
                "\(change.clusterName) / \(change.serviceName ?? change.service ?? ""): \(transition(change))"
                    + suffix)
        }
        let detail = detail(change).map { " (\($0))" } ?? ""
        return oneLine("\(change.clusterName): \(change.kind.label): \(change.title ?? "")\(detail)")
    }

    /// A short summary without the cluster, for subjects: `Incident opened: Title`.
    static func headline(_ change: Change) -> String {
        oneLine(
            change.kind == .componentStatus
                ? "\(change.serviceName ?? change.service ?? ""): \(transition(change))"
                : "\(kindHeading(change.kind)): \(change.title ?? "")")
    }

    /// A line of any rendering of a diff: the names, titles and times in it come from state files,
    /// which may hold anything, so every control character (line feeds too) is shown escaped and
    /// cannot end the line, drive a terminal or break a Markdown list item.
    static func oneLine(_ text: String) -> String {
        TerminalText.escaped(text)
    }

    /// `2025-10-06 17:30 UTC`.
    static func time(_ date: Date) -> String {
        let parts = UTCTimestamp(date)
        return "\(parts.date) \(parts.clock) UTC"
    }

    /// `2025-10-08 02:00–04:00 UTC`, or both dates when the window spans midnight.
    static func window(_ window: StateWindow) -> String {
        let start = UTCTimestamp(window.start)
        let end = UTCTimestamp(window.end)
        return start.date == end.date
            ? "\(start.date) \(start.clock)–\(end.clock) UTC"
            : "\(start.date) \(start.clock) – \(end.date) \(end.clock) UTC"
    }
}
