import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// Why `herald update` wrote nothing.
package enum UpdateFailure: Error, Sendable, CustomStringConvertible {
    case emptyMessage
    /// The message holds a control character other than tab and line feed.
    case controlCharacter(Unicode.Scalar)
    case notFound(slug: String, hint: String)
    case ambiguous(slug: String, paths: [String])
    /// The file has errors already; they are listed.
    case brokenFile([Diagnostic])
    case missingStatus(kind: String, choices: [String])
    case unknownStatus(String, kind: String, choices: [String])
    case resolveConflicts(status: String, closing: String)
    case alreadyResolved(String, slug: String)
    /// `--reopen` on an incident that is not resolved.
    case notResolved
    /// `--reopen` with `--resolve` or `--status resolved`.
    case reopenConflicts
    /// `--reopen` or `--set` on a maintenance.
    case incidentsOnly(String)
    /// `herald postmortem` on an incident that is not resolved.
    case postmortemUnresolved(slug: String)
    case postmortemExists
    /// A `--set` that cannot be read or names no component.
    case badImpactChange(String, reason: String)
    case notStarted(String)
    case unreadable(String)
    /// The file is laid out in a way the line edits cannot handle safely.
    case cannotEdit(String)
    /// The edited file would not validate: its diagnostics.
    case invalid([Diagnostic])
    /// Someone saved the file while the update was being checked.
    case changed(ContentChanged)
    /// `--reschedule` or `--cancel` cannot apply (see `MaintenanceChange`): why.
    case maintenanceChange(String)

    package var description: String {
        switch self {
        case .emptyMessage: "the message is empty; say what readers should know"
        case .controlCharacter(let scalar):
            "the message contains the control character \(ControlCharacters.codePoint(scalar)); remove it "
                + ControlCharacters.rule
        case .notFound(let slug, let hint): "no incident or maintenance has the slug `\(slug)`\(hint)"
        case .ambiguous(let slug, let paths):
            "`\(slug)` matches several files; give the full slug:\n"
                + paths.map { "  " + $0 }.joined(separator: "\n")
        case .brokenFile(let diagnostics):
            "the file has errors; fix them first:\n" + diagnostics.map(\.description).joined(separator: "\n")
        case .missingStatus(let kind, let choices):
            "give --status for this \(kind): one of \(choices.joined(separator: ", "))"
        case .unknownStatus(let status, let kind, let choices):
            "`\(status)` is not \(kind.first.map { "aeiou".contains($0) } == true ? "an" : "a") \(kind) status; "
                + "use one of \(choices.joined(separator: ", "))"
                + Suggestion.sentence(for: status, in: choices)
        case .resolveConflicts(let status, let closing):
            "--resolve posts a `\(closing)` update; leave out --status \(status) or use --status \(closing)"
        case .alreadyResolved(let time, let slug):
            "the incident is already resolved (at \(time)), and resolution is final; to post news on it again, "
                + "reopen it: "
                + "`herald update \(slug) --reopen --status investigating --message …`"
        case .notResolved:
            "--reopen is for a resolved incident, and this one is still open; leave out --reopen"
        case .reopenConflicts:
            "--reopen opens the incident again; give it an open status (investigating, identified or monitoring)"
        case .incidentsOnly(let option): "\(option) is for incidents"
        case .postmortemUnresolved(let slug):
            "a postmortem is for a resolved incident, and this one is not resolved; resolve it first with "
                + "`herald update \(slug) --resolve --message …`"
        case .postmortemExists: "the incident already has a postmortem; edit its `postmortem:` in the file"
        case .badImpactChange(let text, let reason): "cannot read --set \(text): \(reason)"
        case .notStarted(let time):
            "the maintenance window has not started (it starts \(time)); to call it off, set `cancelled: true`"
        case .unreadable(let path): "cannot read \(path) as UTF-8 text"
        case .cannotEdit(let reason): "cannot add the update: \(reason)"
        case .invalid(let diagnostics):
            "the file would not validate after this update, so nothing was written:\n"
                + diagnostics.map(\.description).joined(separator: "\n")
        case .changed(let change): change.description
        case .maintenanceChange(let reason): reason
        }
    }
}
