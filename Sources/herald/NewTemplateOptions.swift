import ArgumentParser
import HeraldAuthoring
import HeraldCore

/// `herald new --template NAME` and `herald new --list-templates`.
struct NewTemplateOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            Start from Content/templates/<incident|maintenance>/NAME.md, its placeholders ({title}, {cluster}, \
            {services}, {now}, {start}…) filled in.
            """)
    var template: String?

    @Flag(name: .customLong("list-templates"), help: "List the site's incident and maintenance templates.")
    var listTemplates = false

    /// Prints each template as `incident/NAME  PATH`, then the placeholders; a template with an
    /// unknown placeholder is an error at its line (exit 1).
    func list(_ site: AuthoringSite) throws {
        let templates = ItemTemplates(site: site)
        let entries = templates.list()
        if entries.isEmpty {
            printOutput("no templates in Content/templates/incident/ or Content/templates/maintenance/")
        }
        for entry in entries { printOutput("\(entry.kind.rawValue)/\(entry.name)  \(entry.path)") }
        printOutput(
            "placeholders: " + ItemTemplates.placeholders.map { "{\($0.name)}" }.joined(separator: " "))
        let problems = templates.diagnostics()
        for problem in problems { printError(problem.description) }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
