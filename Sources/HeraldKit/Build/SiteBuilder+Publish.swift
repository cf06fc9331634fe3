import Foundation

extension SiteBuilder {
    /// What `build` did.
    public struct Built: Sendable {
        /// Every file of the new output, relative to it, sorted.
        public var paths: [String]
        /// Files written with new bytes; the others kept their bytes and modification time.
        public var written: Int
        public var changes: StateChanges
        public var warnings: [Diagnostic]
        public var previousStateProblem: String?
        /// Load, validate, derive and render (on the fast path: checking that nothing changed).
        public var renderTime: Duration
        /// Writing and publishing.
        public var publishTime: Duration
        /// The inputs were those of the build that made the current output, which was intact, so
        /// nothing was loaded, rendered or written: that build's result was returned again.
        public var reusedOutput = false
    }

    /// Renders and publishes the site. With `useCache`, pages whose view model and theme are
    /// unchanged and files whose bytes are unchanged are not rendered or written again (see
    /// `BuildCache`), and a build whose inputs are those of the build that made the current
    /// output does nothing at all (see `InputFingerprint`); the output bytes are the same
    /// either way.
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
                paths: rendered.files.map(\.path).sorted(), written: rendered.files.count,
                changes: rendered.changes, warnings: rendered.warnings,
                previousStateProblem: rendered.previousStateProblem, renderTime: rendering - started,
                publishTime: clock.now - rendering)
        }
        let outputDirectory = OutputPublisher(outputDirectory: options.outputDirectory).outputDirectory
        let cacheDirectory = BuildCache.directory(for: outputDirectory)
        // The real clock, not `options.now`: file modification times are real-clock times, while
        // `now` is the instant the site is built "as of", which may be long past.
        let startedAt = Date()
        // Only the real disk can be fingerprinted with `stat`.
        let inputs = fileSystem is LocalFileSystem ? InputFingerprint(options, startedAt: startedAt) : nil
        if let inputs,
            var reused = reuse(inputs, cacheDirectory: cacheDirectory, outputDirectory: outputDirectory)
        {
            reused.renderTime = clock.now - started
            return reused
        }
        // The record speaks for the current output, so it goes before that output is replaced.
        let recordPath = BuildRecord.path(inCache: cacheDirectory)
        CacheFile.remove(recordPath)

        let prepared = try prepare(options, fileSystem: fileSystem)
        let cache = BuildCache.load(outputDirectory: outputDirectory)
        let (content, usedMarkdown) = ContentRenderer.render(
            prepared.site, markdown: prepared.markdown, memo: cache.memo)
        let publisher = SpareTreePublisher(
            outputDirectory: cache.outputDirectory, spareDirectory: cache.spareDirectory)
        let spareWasAbsent = !FileManager.default.fileExists(atPath: cache.spareDirectory)
        // Feeds, API and calendar are built one after another, and the Markdown memo is saved:
        // both overlap the parallel pages.
        let (pages, others) = Concurrently.run {
            Result { () throws(ContentErrors) in
                try PageRenderer.plan(
                    site: prepared.site, status: prepared.status, content: content,
                    templates: prepared.templates, keep: cache.canKeep, store: publisher.store)
            }
        } alongside: {
            cache.save(markdown: usedMarkdown)
            return otherFiles(prepared, content: content)
        }
        var planned = try pages.get()
        planned += others.map { file in
            var plannedFile = PlannedFile(file)
            if cache.canKeep(plannedFile.path, key: plannedFile.key) { plannedFile.contents = nil }
            return plannedFile
        }
        let rendering = clock.now
        let result = try publisher.publish(
            planned, current: cache.manifest, outputIntact: cache.outputIntact, spareWasAbsent: spareWasAbsent
        )
        cache.save(manifest: result.manifest)
        // A racy fingerprint may match inputs edited after they were read: not recorded, so the
        // next build takes the full path.
        if let inputs, !inputs.isRacy {
            let record = BuildRecord(
                inputs: inputs.hash, warnings: prepared.diagnostics,
                previousStateProblem: prepared.previousStateProblem)
            CacheFile.replace(recordPath, with: record.encoded())
        }
        return Built(
            paths: planned.map(\.path).sorted(), written: result.written, changes: prepared.changes,
            warnings: prepared.diagnostics, previousStateProblem: prepared.previousStateProblem,
            renderTime: rendering - started, publishTime: clock.now - rendering)
    }
}
