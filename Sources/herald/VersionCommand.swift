import ArgumentParser
import HeraldCore
import HeraldMarkdown

/// `herald version` (and `herald --version`): which Herald ran, for bug reports and CI logs.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Print Herald's version and the cmark-gfm version it runs on.")

    /// `herald 0.3.0 (cmark-gfm 0.29.0.gfm.6)`.
    static var text: String { "herald \(HeraldVersion.current) (cmark-gfm \(CmarkLibrary.version))" }

    func run() {
        printOutput(Self.text)
    }
}
