import Foundation

extension SiteBuilder {
    /// What `build` did.
    public struct Built: Sendable {
        /// Every file of the new output, relative to it.
        public var paths: [String]
        /// Files written with new bytes; the others kept their bytes and modification time.
        public var written: Int
        public var changes: StateChanges
        public var warnings: [Diagnostic]
        public var previousStateProblem: String?
        /// Load, validate, derive and render.
        public var renderTime: Duration
        /// Writing and publishing.
        public var publishTime: Duration
    }

    /// Renders and publishes the site. With `useCache`, pages whose view model and theme are
    /// unchanged and files whose bytes are unchanged are not rendered or written again (see
    /// `BuildCache`); the output bytes are the same either way.
    public static func build(_ options: BuildOptions, fileSystem: any FileSystem, useCache: Bool) throws
        -> Built
    {
        let clock = ContinuousClock()
        let started = clock.now
        guard useCache else {
            let rendered = try render(options, fileSystem: fileSystem)
            let rendering = clock.now
            try OutputPublisher(outputDirectory: options.outputDirectory).publish(rendered.files)
            return Built(
                paths: rendered.files.map(\.path), written: rendered.files.count, changes: rendered.changes,
                warnings: rendered.warnings, previousStateProblem: rendered.previousStateProblem,
                renderTime: rendering - started, publishTime: clock.now - rendering)
        }
        let prepared = try prepare(options, fileSystem: fileSystem)
        let cache = BuildCache.load(
            outputDirectory: OutputPublisher(outputDirectory: options.outputDirectory).outputDirectory)
        let (content, usedMarkdown) = ContentRenderer.render(
            prepared.site, markdown: prepared.markdown, memo: cache.memo)
        let publisher = SpareTreePublisher(
            outputDirectory: cache.outputDirectory, spareDirectory: cache.spareDirectory)
        // Feeds, API and calendar are built one after another; they overlap the parallel pages.
        var (planned, others) = Concurrently.run {
            PageRenderer.plan(
                site: prepared.site, status: prepared.status, content: content, templates: prepared.templates,
                keep: cache.canKeep, store: publisher.store)
        } alongside: {
            otherFiles(prepared, content: content)
        }
        planned += others.map { file in
            var plannedFile = PlannedFile(file)
            if cache.canKeep(plannedFile.path, key: plannedFile.key) { plannedFile.contents = nil }
            return plannedFile
        }
        let rendering = clock.now
        let result = try publisher.publish(planned, current: cache.manifest, outputIntact: cache.outputIntact)
        cache.save(manifest: result.manifest, markdown: usedMarkdown)
        return Built(
            paths: planned.map(\.path), written: result.written, changes: prepared.changes,
            warnings: prepared.diagnostics, previousStateProblem: prepared.previousStateProblem,
            renderTime: rendering - started, publishTime: clock.now - rendering)
    }
}
