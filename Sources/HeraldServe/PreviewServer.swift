import FlyingSocks
import Foundation

/// `herald serve`: builds the site, serves the output folder over HTTP, watches the sources, and
/// rebuilds on change, telling open pages to reload (or to show the build error) through Server-Sent
/// Events. A failed build keeps the last good site on disk, so it keeps being served.
package struct PreviewServer: Sendable {
    /// What one build did, as the command line reports it.
    package enum BuildOutcome: Sendable {
        case built(summary: String)
        /// The text shown in the terminal and over the page.
        case failed(String)
    }

    package struct Configuration: Sendable {
        package var host: String
        package var port: UInt16
        package var outputDirectory: String
        /// Folders whose changes trigger a rebuild (content, templates).
        package var watchedFolders: [String]
        package var pollInterval: Duration
        package var quietPeriod: Duration

        package init(
            host: String, port: UInt16, outputDirectory: String, watchedFolders: [String],
            pollInterval: Duration = .milliseconds(300), quietPeriod: Duration = .milliseconds(100)
        ) {
            self.host = host
            self.port = port
            self.outputDirectory = outputDirectory
            self.watchedFolders = watchedFolders
            self.pollInterval = pollInterval
            self.quietPeriod = quietPeriod
        }
    }

    let configuration: Configuration
    /// Builds into the output folder; called once at start and after every settled change.
    let build: @Sendable () async -> BuildOutcome
    /// What a build leaves for after open pages have heard of it (the build cache's upkeep):
    /// called after every build, before the next change is waited for.
    let afterBuild: @Sendable () async -> Void
    /// Where progress lines go.
    let report: @Sendable (String) -> Void
    let hub = ReloadHub()

    package init(
        configuration: Configuration, build: @escaping @Sendable () async -> BuildOutcome,
        afterBuild: @escaping @Sendable () async -> Void = {}, report: @escaping @Sendable (String) -> Void
    ) {
        self.configuration = configuration
        self.build = build
        self.afterBuild = afterBuild
        self.report = report
    }

    /// Runs until the task is cancelled; then closes every connection and returns.
    package func run() async throws {
        let watcher = FolderWatcher(folders: configuration.watchedFolders)
        let fingerprint = watcher.scan()
        // Listen before the first build, so a port in use stops `serve` before it writes anything.
        let listener: HTTPListener
        do {
            listener = try HTTPListener(
                host: configuration.host, port: configuration.port,
                handler: SiteFileHandler(outputDirectory: configuration.outputDirectory, hub: hub))
        } catch {
            throw ListenFailure(underlying: error)
        }
        await rebuild()
        report("Serving \(configuration.outputDirectory) at \(Self.url(listener.address)) (Ctrl-C to stop)")
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await listener.run() }
                group.addTask { try await keepStreamsAlive() }
                group.addTask { try await rebuildOnChange(watcher, after: fingerprint) }
                // None of them ends but by an error or cancellation; either way the others stop too,
                // which closes every connection at once, half-sent requests and open streams alike.
                defer { group.cancelAll() }
                try await group.next()
            }
        } catch  where Task.isCancelled {
            // Stopping: whatever the tasks threw on the way out does not matter.
        }
        await hub.finish()
    }

    private func rebuildOnChange(_ watcher: FolderWatcher, after first: FolderWatcher.Fingerprint)
        async throws
    {
        var fingerprint = first
        while true {
            fingerprint = try await watcher.nextChange(
                after: fingerprint, every: configuration.pollInterval, quiet: configuration.quietPeriod)
            report("Change seen; rebuilding")
            await rebuild()
        }
    }

    /// A comment on every stream now and then, so idle proxies and browsers keep them open.
    private func keepStreamsAlive() async throws {
        while true {
            try await Task.sleep(for: .seconds(15))
            await hub.keepAlive()
        }
    }

    /// Open pages hear of the build before the terminal does: a summary with thousands of
    /// warnings takes a while to print, and the reader should not wait for it.
    private func rebuild() async {
        switch await build() {
        case .built(let summary):
            await hub.buildSucceeded()
            report(summary)
        case .failed(let text):
            await hub.buildFailed(text)
            report(text)
        }
        await afterBuild()
    }

    static func url(_ address: Socket.Address?) -> String {
        switch address {
        case .ip4(let host, let port): "http://\(host):\(port)/"
        case .ip6(let host, let port): "http://[\(host)]:\(port)/"
        default: "(unknown address)"
        }
    }
}
