import ArgumentParser
import Foundation

@main
struct Herald: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "Builds a static status site, reseller blog, feeds and API from Markdown.",
        subcommands: [
            BuildCommand.self, CheckCommand.self, DiffCommand.self, NewCommand.self, UpdateCommand.self,
            InitCommand.self, ServeCommand.self,
        ])

    /// Runs the command, mapping argument-parser's usage errors (64) to exit status 2 (SPEC §2).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
