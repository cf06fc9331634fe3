import ArgumentParser

@main
struct Herald: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "Builds a static status site, reseller blog, feeds and API from Markdown.",
        subcommands: [BuildCommand.self, CheckCommand.self, DiffCommand.self])
}
