import ArgumentParser
import Foundation
import HeraldKit

/// `herald update SLUG --status S --message M`: appends a timeline update, the 3 a.m. command.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Append a timeline update to an incident or maintenance.",
        discussion: """
            The update is stamped with now (--now, SOURCE_DATE_EPOCH or the clock). Only lines are added \
            (with --resolve, also `resolved:`, or a running maintenance's window end): comments, key order \
            and quoting stay as they were. The result is checked with the whole site before the file is \
            replaced (through a temporary file and a rename); if it would not validate, nothing is written \
            and the command exits 1.
            """)

    @Argument(help: "The slug (file name without .md, or its `slug:`); the date prefix may be left out.")
    var slug: String

    @Option(
        name: .long,
        help: "investigating|identified|monitoring|resolved, or scheduled|in-progress|verifying|completed.")
    var status: String?

    @Option(name: .long, help: "The update's Markdown text, or - to read it from standard input.")
    var message: String

    @Flag(
        name: .long,
        help: "Also end it: a resolved incident, or a completed maintenance (ending a running window now).")
    var resolve = false

    @OptionGroup var location: ContentOptions

    func run() throws {
        let text =
            message == "-"
            ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : message
        let site = AuthoringSite(options: try location.buildOptions(), fileSystem: LocalFileSystem())
        let request = TimelineUpdater.Request(
            slug: slug, status: status, message: text, resolve: resolve, now: try location.resolvedNow())
        let outcome = try exitingOnFailure(refusing: UpdateFailure.self) {
            try TimelineUpdater(site: site, writer: LocalFileSystem()).update(request)
        }
        print(
            "\(outcome.path): added an update (\(outcome.status))"
                + (outcome.closed ? " and closed it" : ""))
    }
}
