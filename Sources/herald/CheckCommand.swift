import ArgumentParser
import Foundation
import HeraldKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the content and report problems; writes nothing.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "text for people, json for tools, github for GitHub Actions annotations.")
    var format: Format = .text

    func run() throws {
        let result: ValidationResult
        do {
            result = try SiteBuilder.check(try site.buildOptions(), fileSystem: LocalFileSystem())
        } catch let error as ValidationError {
            throw error
        } catch {
            printError("herald: \(error)")
            throw ExitCode(2)
        }
        let diagnostics = result.diagnostics.sorted { $0.location < $1.location }
        print(DiagnosticFormatter.format(diagnostics, as: format.rawValue), terminator: "")
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
