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

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the content and report problems; writes nothing.",
        discussion: """
            Besides errors, warns (as of --now) about an ongoing incident with no update for longer than \
            --stale-after, an incident that starts in the future, a post with no summary and no first \
            paragraph, an empty answer in a Q&A, and a cluster nothing names. The incident and maintenance \
            templates under Content/templates/ are checked for unknown placeholders. Exit status: 0 when there \
            is no error (warnings allowed, unless --strict), 1 otherwise, 2 for bad usage.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "text for people, json for tools, github for GitHub Actions annotations.")
    var format: Format = .text

    @Option(
        name: .customLong("stale-after"),
        help: ArgumentHelp(
            "Warn about an ongoing incident with no update for this long: 4h, 90m, 1h30m, 2d.",
            discussion: "Default: site.yml's stale_after, else 4h.", valueName: "duration"))
    var staleAfter: StaleAfter?

    @Flag(name: .long, help: "Treat warnings as errors (exit 1).")
    var strict = false

    func run() throws {
        var options = try site.buildOptions()
        if let staleAfter { options.staleAfter = staleAfter.seconds }
        let result: ValidationResult
        do {
            result = try SiteBuilder.check(options, fileSystem: LocalFileSystem())
        } catch {
            printError("herald: \(error)")
            throw ExitCode(2)
        }
        // Prepared texts under Content/templates/ are never built, but their placeholders are checked.
        let authoring = AuthoringSite(options: options, fileSystem: LocalFileSystem())
        let templates =
            ItemTemplates(site: authoring).diagnostics()
            + PostmortemWriter.templateDiagnostics(site: authoring)
        var diagnostics = (result.diagnostics + templates).sorted { $0.location < $1.location }
        if strict { diagnostics = diagnostics.map { Diagnostic(.error, at: $0.location, $0.message) } }
        let output = DiagnosticFormatter.format(diagnostics, as: format.rawValue)
        switch format {
        case .text where !output.isEmpty: Console.standardOutput.diagnostics(String(output.dropLast()))
        case .text, .github: Console.standardOutput.write(output)
        // JSON escapes control characters itself (DEL and C1 are valid JSON as they are).
        case .json: FileHandle.standardOutput.write(Data(output.utf8))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
