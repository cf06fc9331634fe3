import ArgumentParser
import Dispatch
import Foundation
import HeraldAuthoring
import HeraldBuild
import HeraldChanges
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldRender
import HeraldServe
import HeraldValidate
import HeraldWrite
import Synchronization

/// `herald serve`: build, serve on loopback, rebuild on change, reload open pages.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve the site on 127.0.0.1, rebuild on every change and reload open pages.",
        discussion: """
            Watches the content and templates folders (site.yml included) and rebuilds a moment after \
            changes stop. Pages served get a small script that reloads them after each build and shows a \
            failed build's errors over the page; built files never contain it. A failed build keeps the \
            last good site in place. Without --now, each rebuild is as of the clock. Without --output, \
            it builds into .herald/serve/site, never into Output/, so a preview leaves the state that the \
            next `herald build` reports changes against as it was. Ctrl-C stops.
            """)

    @OptionGroup var site: SiteOptions

    @OptionGroup var outputFolder: OutputOptions

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8000

    @Option(
        name: .long,
        help: "The address to listen on; keep it on loopback unless you mean to share the preview.")
    var host = "127.0.0.1"

    @Flag(name: .shortAndLong, help: "Also print how long each stage of every build took.")
    var verbose = false

    func run() throws {
        var options = try site.buildOptions(foreignFiles: outputFolder.policy)
        if site.output == nil {
            options.outputDirectory = BuildOptions.previewOutputDirectory(siteRoot: options.siteRoot)
        }
        let first = options
        // Held while serving, so a `herald build` into the same folder meanwhile is refused.
        let lock = try exitingOnFailure(refusing: OutputLock.Busy.self) {
            try OutputLock.acquire(OutputLocation(first.outputDirectory), command: "herald serve")
        }
        let fixedNow = site.location.now == nil ? nil : first.now
        let output = Console.standardOutput
        let warm = WarmCacheBox()
        let configuration = PreviewServer.Configuration(
            host: host, port: port, outputDirectory: first.outputDirectory,
            watchedFolders: [first.contentDirectory, first.templatesDirectory])
        let server = PreviewServer(
            configuration: configuration,
            build: {
                var options = first
                options.now = fixedNow ?? Date()
                return Self.build(options, lock: lock, warm: warm, verbose: verbose)
            },
            afterBuild: {
                // Between builds (the server never runs one meanwhile), under the output lock.
                warm.cache.withLock { cache in
                    cache = cache.map { SiteBuilder.fillSpare($0, outputDirectory: first.outputDirectory) }
                }
            },
            report: { output.diagnostics($0) })
        let task = Task {
            do {
                try await server.run()
                DispatchQueue.main.async { Self.stop(output) }
            } catch {
                printError("herald: cannot serve on \(configuration.host):\(configuration.port): \(error)")
                // On the main queue too, so it never runs alongside `stop`.
                DispatchQueue.main.async { Foundation.exit(2) }
            }
        }
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                task.cancel()
                // The server closes its connections at once; this bounds the stop if anything lingers.
                DispatchQueue.main.asyncAfter(deadline: .now() + .milliseconds(800)) { Self.stop(output) }
            }
            source.resume()
            return source
        }
        withExtendedLifetime(signals) { dispatchMain() }
    }

    /// Ends the process; only ever called on the main queue, so it runs once.
    private static func stop(_ output: Console) -> Never {
        output.line("Stopped.")
        Foundation.exit(0)
    }

    /// One build, reported as a line for the terminal or the errors for the terminal and the page
    /// (escaped for both, as `Console.write` escapes).
    private static func build(_ options: BuildOptions, lock: OutputLock, warm: WarmCacheBox, verbose: Bool)
        -> PreviewServer.BuildOutcome
    {
        switch unescapedBuild(options, lock: lock, warm: warm, verbose: verbose) {
        case .built(let summary): .built(summary: TerminalText.escaped(summary, keepingLineBreaks: true))
        case .failed(let text): .failed(TerminalText.escaped(text, keepingLineBreaks: true))
        }
    }

    private static func unescapedBuild(
        _ options: BuildOptions, lock: OutputLock, warm: WarmCacheBox, verbose: Bool
    ) -> PreviewServer.BuildOutcome {
        do throws(SiteBuild.Failure) {
            // A failed build leaves the cache of the last good one in the box.
            let built = try SiteBuild.run(
                options, lock: lock, warm: warm.cache.withLock { $0 }, keepsWarm: true)
            warm.cache.withLock { $0 = built.warm }
            let time = built.stages.total.milliseconds
            let warnings = built.warnings.map { $0.description + "\n" }.joined()
            let stages = verbose ? built.stages.lines.map { "\n" + $0 }.joined() : ""
            return .built(
                summary: "\(warnings)Built \(BuildSummary.counts(built.paths)) as of "
                    + "\(Timestamp.format(options.now)) in \(time) ms\(stages)")
        } catch {
            switch error {
            case .content(let diagnostics):
                let lines =
                    diagnostics.map(\.description) + [
                        SiteBuild.errorCount(diagnostics, "still serving the last good site")
                    ]
                return .failed(lines.joined(separator: "\n"))
            case .unusable(let message):
                return .failed("herald: \(message)")
            }
        }
    }
}

/// The cache as `serve`'s last build left it, for its next build (Hugo's server model: the next
/// build starts from memory, not from the cache files).
private final class WarmCacheBox: Sendable {
    let cache = Mutex<WarmCache?>(nil)
}
