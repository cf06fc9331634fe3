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

    func run() throws {
        let options = try site.buildOptions(previousState: previous, foreignFiles: outputFolder.policy)
        let console = Console.standardError
        if !quiet { console.status("Building \(options.contentDirectory) → \(options.outputDirectory)…") }
        let result: SiteBuild.Result
        do {
            result = try SiteBuild.run(options, useCache: !noCache)
        } catch .content(let diagnostics) {
            console.clearStatus()
            for diagnostic in diagnostics { console.diagnostics(diagnostic.description) }
            printError(SiteBuild.errorCount(diagnostics, "nothing was written"))
            throw ExitCode(1)
        } catch .unusable(let message) {
            console.clearStatus()
            printError("herald: \(message)")
            throw ExitCode(2)
        }
        console.clearStatus()
        guard !quiet else { return }
        for warning in result.built.warnings { console.diagnostics(warning.description) }
        if let problem = result.built.previousStateProblem { printError("herald: warning: \(problem)") }
        printOutput(
            BuildSummary(
                files: result.built.paths, changes: result.built.changes,
                outputDirectory: options.outputDirectory, elapsed: result.renderTime + result.writeTime
            ).text)
        if verbose {
            let output = Console.standardOutput
            if result.built.reusedOutput {
                output.dimLine("  inputs unchanged since the previous build; output reused")
            } else {
                output.dimLine("  load, validate, derive and render: \(result.renderTime.milliseconds) ms")
                output.dimLine("  write and publish: \(result.writeTime.milliseconds) ms")
            }
        }
    }
}
