import ArgumentParser
import Foundation
import HeraldKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Validate the content and render the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The state to diff against (default: <output>/api/state.json).")
    var previous: String?

    @Flag(
        name: .customLong("no-cache"),
        help: "Render every page again, ignoring and not updating the build cache.")
    var noCache = false

    func run() throws {
        let started = ContinuousClock.now
        let options = try site.buildOptions(previousState: previous)
        let built: SiteBuilder.Built
        do {
            built = try SiteBuilder.build(options, fileSystem: LocalFileSystem(), useCache: !noCache)
        } catch let errors as ContentErrors {
            errors.diagnostics.forEach { printError($0.description) }
            let count = errors.diagnostics.filter { $0.severity == .error }.count
            printError("herald: \(count) error\(count == 1 ? "" : "s"); nothing was written")
            throw ExitCode(1)
        } catch {
            printError("herald: \(error)")
            throw ExitCode(2)
        }
        built.warnings.forEach { printError($0.description) }
        if let problem = built.previousStateProblem { printError("herald: warning: \(problem)") }
        let elapsed = ContinuousClock.now - started
        print(
            BuildSummary(
                files: built.paths, changes: built.changes, outputDirectory: options.outputDirectory,
                elapsed: elapsed
            ).text)
    }
}
