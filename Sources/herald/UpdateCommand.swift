import ArgumentParser
import Foundation
import HeraldAuthoring
import HeraldBuild
import HeraldChanges
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldRender
import HeraldValidate
import HeraldWrite

/// `herald update SLUG --status S --message M`: appends a timeline update, the 3 a.m. command.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Append a timeline update to an incident or maintenance.",
        discussion: """
            The update is stamped with now (--now, SOURCE_DATE_EPOCH or the clock). Only lines are added \
            (with --resolve, also `resolved:`, or a running maintenance's window end; --reopen removes the \
            `resolved:` line; with --reschedule, the window's times and a `rescheduled:` item; with --cancel, \
            `cancelled: true`): comments, key order and quoting stay as they were. A resolved incident takes \
            no further update unless it is reopened with --reopen. The result is checked with the whole site before the file is \
            replaced (through a temporary file and a rename); if it would not validate, nothing is written \
            and the command exits 1.
            """)

    @Argument(help: "The slug (file name without .md, or its `slug:`); the date prefix may be left out.")
    var slug: String

    @Option(
        name: .long,
        help: """
            investigating|identified|monitoring|resolved, or scheduled|in-progress|verifying|completed \
            (default: the current status, that of the newest update).
            """)
    var status: String?

    @Option(name: .long, help: "The update's Markdown text, or - to read it from standard input.")
    var message: String

    @Flag(
        name: .long,
        help: "Also end it: a resolved incident, or a completed maintenance (ending a running window now).")
    var resolve = false

    @OptionGroup var incident: IncidentUpdateOptions
    @OptionGroup(title: "Maintenance") var maintenance: MaintenanceChangeOptions

    @OptionGroup var location: ContentOptions

    func run() throws {
        let text = message == "-" ? try Self.standardInput() : message
        let site = AuthoringSite(options: try location.buildOptions(), fileSystem: LocalFileSystem())
        let request = TimelineUpdater.Request(
            slug: slug, status: status, message: text, resolve: resolve, reopen: incident.reopen,
            impactChanges: try incident.impactChanges(), now: try location.resolvedNow(),
            maintenanceChange: maintenance.change)
        let outcome = try exitingOnFailure(refusing: UpdateFailure.self) {
            try TimelineUpdater(site: site, writer: LocalFileSystem()).update(request)
        }
        printOutput(
            "\(outcome.path): added an update (\(outcome.status))"
                + (outcome.closed ? " and closed it" : "") + (outcome.reopened ? " and reopened it" : "")
                + (outcome.change.map { " and \($0)" } ?? ""))
        incident.printImpact(outcome.impact)
    }

    /// The message from standard input: UTF-8, and no more than a message may hold (so
    /// `< /dev/zero` ends).
    static func standardInput() throws -> String {
        let data: Data
        do {
            data = try RegularFile.readAll(STDIN_FILENO, limit: MarkdownText.maximumBytes)
        } catch {
            printError("herald: cannot read the message from standard input: \(error)")
            throw ExitCode(2)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            printError("herald: the message on standard input is not valid UTF-8 text; send it as UTF-8")
            throw ExitCode(2)
        }
        return text
    }
}
