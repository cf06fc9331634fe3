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

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Validate the content and render the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @OptionGroup var outputFolder: OutputOptions

    @Option(name: .long, help: "The state to diff against (default: <output>/api/state.json).")
    var previous: String?

    @Flag(
        name: .customLong("no-cache"),
        help: "Render every page again, ignoring and not updating the build cache.")
    var noCache = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print how long each stage took.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    /// Which theme files came from the site and which from the built-in theme, for `--verbose`.
    static func themeSources(_ siteFiles: [String], templatesFolder folder: String) -> String {
        guard !siteFiles.isEmpty else { return "the built-in default theme (\(folder) has no files)" }
        let overridden = Set(siteFiles)
        let builtIn = DefaultTemplates.all.map(\.path).filter { !overridden.contains($0) }
        guard !builtIn.isEmpty else { return "every file from \(folder) (\(siteFiles.count))" }
        let listed = siteFiles.map { "\(folder)/\($0)" }.joined(separator: ", ")
        return "\(listed) from the site; \(builtIn.count) files from the built-in default theme"
    }

    func run() throws {
        let options = try site.buildOptions(previousState: previous, foreignFiles: outputFolder.policy)
        let console = Console.standardError
        if !quiet { console.status("Building \(options.contentDirectory) → \(options.outputDirectory)…") }
        let built: SiteBuilder.Built
        do {
            built = try SiteBuild.run(options, useCache: !noCache)
        } catch .content(let diagnostics) {
            console.clearStatus()
            console.diagnostics(lines: diagnostics.map(\.description))
            printError(SiteBuild.errorCount(diagnostics, "nothing was written"))
            throw ExitCode(1)
        } catch .unusable(let message) {
            console.clearStatus()
            printError("herald: \(message)")
            throw ExitCode(2)
        }
        console.clearStatus()
        guard !quiet else { return }
        console.diagnostics(lines: built.warnings.map(\.description))
        if let problem = built.previousStateProblem { printError("herald: warning: \(problem)") }
        printOutput(
            BuildSummary(
                files: built.paths, changes: built.changes, outputDirectory: options.outputDirectory,
                elapsed: built.stages.total
            ).text)
        if verbose {
            let output = Console.standardOutput
            for line in built.stages.lines { output.dimLine(line) }
            if built.reusedOutput {
                output.dimLine("  inputs unchanged since the previous build; output reused")
            }
            if let files = built.siteTemplateFiles {
                output.dimLine(
                    "  theme: \(Self.themeSources(files, templatesFolder: options.templatesDirectory))")
            }
        }
    }
}
