import ArgumentParser
import Foundation

@main
struct Herald: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "Builds a static status site, reseller blog, feeds and API from Markdown.",
        version: VersionCommand.text,
        subcommands: [
            BuildCommand.self, CheckCommand.self, DiffCommand.self, NewCommand.self, UpdateCommand.self,
            PostmortemCommand.self,
            InitCommand.self, ServeCommand.self, VersionCommand.self,
        ])

    /// Runs the command, mapping argument-parser's usage errors (64) to exit status 2 (SPEC §2).
    /// Messages are printed escaped (see `Console.write`).
    static func main() {
        // `-V`, as many tools spell `--version`, which argument-parser does not abbreviate.
        if Array(CommandLine.arguments.dropFirst()) == ["-V"] {
            printOutput(VersionCommand.text)
            return
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // Help and --version: argument-parser prints them, to standard output.
            if code == .success { exit(withError: error) }
            // Everything else through printError, so a value echoed in a message is escaped.
            let message = fullMessage(for: error)
            if !message.isEmpty { printError(message) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
