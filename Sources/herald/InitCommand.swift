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

/// `herald init DIR`: a new site with one example of each content type and the default templates.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract:
            "Scaffold a new site: a commented site.yml, an example of each content type, the default templates.",
        discussion: "The examples are dated around now (--now, SOURCE_DATE_EPOCH or the clock).")

    @Argument(help: "The folder to create the site in (created if missing).")
    var directory: String

    @Flag(name: .long, help: "Write into a folder that is not empty, replacing files the scaffold has too.")
    var force = false

    @Option(name: .long, help: "Date the examples as of this instant: RFC 3339 or @SECONDS.")
    var now: String?

    func run() throws {
        let now = try ContentOptions.parse(self.now.map { ["--now", $0] } ?? []).resolvedNow()
        let written = try exitingOnFailure(refusing: SiteInitializer.Failure.self) {
            try SiteInitializer(fileSystem: LocalFileSystem(), writer: LocalFileSystem())
                .initialize(directory, now: now, force: force)
        }
        printOutput("Created a site in \(directory) (\(written.count) files). Next:")
        printOutput("  cd \(directory)")
        printOutput("  herald serve            # preview at http://127.0.0.1:8000/, rebuilt on every save")
        printOutput("  herald new incident \"Webmail is slow\" --cluster a --service webmail")
    }
}
