import ArgumentParser
import Foundation
import HeraldKit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Validate the content and render the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The state to diff against (default: <output>/api/state.json).")
    var previous: String?

    func run() throws {
        let started = ContinuousClock.now
        let options = try site.buildOptions(previousState: previous)
        let rendered: SiteBuilder.Rendered
        do {
            rendered = try SiteBuilder.render(options, fileSystem: LocalFileSystem())
        } catch let errors as ContentErrors {
            errors.diagnostics.forEach { printError($0.description) }
            let count = errors.diagnostics.filter { $0.severity == .error }.count
            printError("herald: \(count) error\(count == 1 ? "" : "s"); nothing was written")
            throw ExitCode(1)
        } catch {
            printError("herald: \(error)")
            throw ExitCode(2)
        }
        rendered.warnings.forEach { printError($0.description) }
        if let problem = rendered.previousStateProblem { printError("herald: warning: \(problem)") }
        do {
            try OutputPublisher(outputDirectory: options.outputDirectory).publish(rendered.files)
        } catch {
            printError("herald: \(error)")
            throw ExitCode(2)
        }
        let elapsed = ContinuousClock.now - started
        print(
            BuildSummary(
                files: rendered.files, changes: rendered.changes, outputDirectory: options.outputDirectory,
                elapsed: elapsed
            ).text)
    }
}
