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

/// `herald new incident|maintenance|post TITLE`: writes a new, valid file and prints its path.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new incident, maintenance or post with its front matter filled in.",
        discussion: """
            The file is named YYYY-MM-DD-<slug of the title>.md (the date in site.yml's time zone; for \
            maintenance, the window's start), never overwriting a file: -2, -3… are added instead. \
            It passes `herald check` as written; the command refuses options that would not.
            """)

    @Argument(help: "incident, maintenance or post.")
    var kind: NewItem.Kind?

    @Argument(help: "The title; the file name's slug is made from it.")
    var title: String?

    @OptionGroup var templates: NewTemplateOptions

    @OptionGroup var location: ContentOptions

    @Option(name: .long, help: "An affected cluster id (repeatable; default: the first cluster in site.yml).")
    var cluster: [String] = []

    @Option(name: .long, help: "An affected service id (repeatable; default: every service of the cluster).")
    var service: [String] = []

    @Option(name: .long, help: "Incidents: degraded-performance, partial-outage (default) or major-outage.")
    var status: String?

    @Option(
        name: .long, help: "Incidents: none, minor, major or critical (default: worked out from --status).")
    var impact: String?

    @Option(name: .long, help: "Maintenance: the window's start, RFC 3339 (default: the next hour but one).")
    var start: String?

    @Option(
        name: .long, help: "Maintenance: the window's end, RFC 3339 (default: two hours after the start).")
    var end: String?

    @Flag(name: .long, help: "Open the new file in $VISUAL or $EDITOR.")
    var edit = false

    func validate() throws {
        if templates.listTemplates { return }
        guard let kind, title != nil else {
            throw ValidationError("give the kind (incident, maintenance or post) and a title")
        }
        if kind == .post && templates.template != nil {
            throw ValidationError("--template is for incidents and maintenance")
        }
        if kind != .incident && (status != nil || impact != nil) {
            throw ValidationError("--status and --impact are for incidents")
        }
        if kind != .maintenance && (start != nil || end != nil) {
            throw ValidationError("--start and --end are for maintenance")
        }
        if kind == .post && !service.isEmpty {
            throw ValidationError("--service is for incidents and maintenance")
        }
        if kind == .post && cluster.count > 0 {
            throw ValidationError("--cluster is for incidents and maintenance")
        }
    }

    func run() throws {
        let site = AuthoringSite(options: try location.buildOptions(), fileSystem: LocalFileSystem())
        if templates.listTemplates { return try templates.list(site) }
        guard let kind, let title else { throw ValidationError("give the kind and a title") }
        let item = NewItem(
            kind: kind, title: title, now: try location.resolvedNow(), clusters: cluster, services: service,
            status: status, impact: impact, windowStart: try Self.time(start, option: "--start"),
            windowEnd: try Self.time(end, option: "--end"), template: templates.template)
        let writer = NewItemWriter(site: site, writer: LocalFileSystem())
        let path = try exitingOnFailure(refusing: NewItemWriter.Failure.self) { try writer.write(item) }
        printOutput(path)
        // On standard error, so `$(herald new …)` stays the path.
        for report in writer.impactReport(for: item) { printError("  " + report.line) }
        if edit { try Editor.open(path) }
    }

    private static func time(_ text: String?, option: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = Timestamp.parse(text) else {
            throw ValidationError("\(option) must be RFC 3339 with an offset, such as 2025-10-15T06:00:00Z")
        }
        return date
    }
}

extension NewItem.Kind: ExpressibleByArgument {}
