import Foundation
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldMarkdown
import HeraldRender
import HeraldTemplates
import HeraldValidate
import HeraldWrite

extension SiteBuilder {
    /// What `build` did.
    package struct Built: Sendable {
        /// Every file of the new output, relative to it, in no particular order (sorting them was
        /// a twentieth of a no-change build at 10,000 incidents, for callers that only count them).
        package var paths: [String]
        /// Files written with new bytes; the others kept their bytes and modification time.
        package var written: Int
        package var changes: StateChanges
        package var warnings: [Diagnostic]
        package var previousStateProblem: String?
        /// How long each stage took.
        package var stages: StageTimes
        /// The inputs were those of the build that made the current output, which was intact, so
        /// nothing was loaded, rendered or written: that build's result was returned again.
        package var reusedOutput = false
        /// The theme's files that came from the site's templates folder rather than the built-in
        /// theme (relative to the folder); nil when no theme was read (`reusedOutput`).
        package var siteTemplateFiles: [String]? = nil
        /// The cache as this build left it, for the next build of the same process (`serve`);
        /// nil without a cache.
        package var warm: WarmCache? = nil
    }

    /// Renders and publishes the site. With `useCache`, pages whose view model and theme are
    /// unchanged and files whose bytes are unchanged are not rendered or written again (see
    /// `BuildCache`), and a build whose inputs are those of the build that made the current
    /// output does nothing at all (see `InputFingerprint`); without it, the cache is the empty
    /// one. The output bytes are the same either way.
    ///
    /// Before anything is written, the output folder must be one Herald may replace
    /// (`OutputPlacement`, `OutputOwnership`), and this build must be the only one writing it:
    /// it takes the output's `OutputLock`, unless the caller holds it already (`herald serve`).
    ///
    /// `warm`: the cache as the previous build of this process left it (`Built.warm`), used
    /// instead of reading the cache files. `keepsWarm`: return this build's (a command-line
    /// build does not, and so does not hold the parsed documents while it renders).
    package static func build(
        _ options: BuildOptions, fileSystem: any FileSystem, useCache: Bool, lock: OutputLock? = nil,
        warm: WarmCache? = nil, keepsWarm: Bool = false
    ) throws -> Built {
        var stages = StageTimes()
        let output = OutputLocation(options.outputDirectory)
        let (heldLock, cacheDirectory) = try stages.run("claim the output folder") {
            try OutputPlacement.check(
                output,
                inputs: [
                    .init(name: "content", path: options.contentDirectory),
                    .init(name: "templates", path: options.templatesDirectory),
                ],
                siteRoot: options.siteRoot, workingDirectory: options.workingDirectory)
            return (
                try lock ?? OutputLock.acquire(output, command: "herald build"),
                useCache ? BuildCache.directory(for: output) : nil
            )
        }
        defer { withExtendedLifetime(heldLock) {} }
        let startedAt = options.clock()
        // A build from a warm cache follows a change its process saw (`serve`), so its inputs are
        // never those of the build before: no fingerprint (a walk of every input) to compare,
        // and none recorded, so a command-line build into the same output takes the full path.
        let inputs = stages.run("fingerprint the inputs") { () -> InputFingerprint? in
            guard cacheDirectory != nil, warm == nil, fileSystem.isStatable else { return nil }
            return InputFingerprint(options, startedAt: startedAt)
        }
        if let inputs, let cacheDirectory,
            var reused = stages.run(
                "check the previous build",
                {
                    reuse(inputs, cacheDirectory: cacheDirectory, outputDirectory: output.path)
                })
        {
            reused.stages = stages
            // A `serve` that starts on an unchanged output reads the cache now, not at the first save.
            reused.warm =
                keepsWarm ? warm ?? WarmCache(readingCacheIn: cacheDirectory, decodingRecords: true) : nil
            return reused
        }
        var (cache, claim) = try stages.run("read the cache and the output") {
            let cache =
                cacheDirectory.map { directory in
                    warm.map { BuildCache.load(directory, of: output, warm: $0) }
                        ?? BuildCache.load(directory, of: output)
                } ?? BuildCache.empty(output)
            let claim = try OutputOwnership.claim(
                in: output.path, policy: options.foreignFiles, unchangedSinceLastBuild: cache.outputIntact,
                recordedFiles: {
                    // The manifest already read, unless this is the empty cache (`--no-cache`).
                    let manifest =
                        cache.directory == nil
                        ? BuildCache.loadManifest(directory: output.cacheDirectory) : cache.manifest
                    return Set(manifest.entries.keys)
                }
            )
            // The record speaks for the current output, so it goes before that output is replaced.
            cache.forgetRecord()
            return (cache, claim)
        }
        let publisher = SpareTreePublisher(
            outputDirectory: output.path, spareDirectory: cache.spareDirectory, disk: BuildCache.disk)
        // The spare tree is surveyed before any page is written into it as it renders, while the
        // content loads (a walk of every output folder, which waits on the file system).
        let spareIsAbsent = cache.spareIsAbsent
        var (prepared, survey) = try { () throws -> (Prepared, SpareTreePublisher.Survey?) in
            // In a scope of its own, so that nothing but `prepared` holds the parse records
            // once they are let go below.
            let (loaded, survey) = Concurrently.run {
                Result {
                    try prepare(
                        options, fileSystem: fileSystem, stages: &stages, parseMemo: cache.parses,
                        known: cache.known, identified: inputs?.contentFiles ?? [:],
                        keepsDocuments: keepsWarm,
                        links: warm?.links)
                }
            } alongside: { [publisher] in
                spareIsAbsent ? nil : publisher.survey()
            }
            return (try loaded.get(), survey)
        }()
        // The parse records are let go once validated (only `serve` keeps them). Those of
        // `parses.bin` were read one at a time as their files were validated, and are read again
        // only if the file is written anew; records to save (the file drifted from them, as on a
        // first build) are kept until written, while the pages render (they are true whatever
        // becomes of the output).
        let parsesToSave = cache.parsesToSave(prepared.parses)
        let warmParses = keepsWarm ? parsesToSave ?? cache.parses?.stored ?? [:] : [:]
        if !keepsWarm {
            cache.releaseParses()
            prepared.parses = [:]
        }
        let (content, usedMarkdown) = stages.run("render Markdown") {
            cache.readMarkdownMemo()
            return ContentRenderer.render(
                prepared.site, markdown: prepared.markdown, memo: cache.memo, sources: prepared.sources)
        }
        let savedKnown = cache.known == nil ? [:] : cache.save(known: prepared.seen, startedAt: startedAt)
        let pageInputs = PageInputs(
            site: prepared.site, status: prepared.status, templates: prepared.templates,
            sources: prepared.sources)
        // Feeds are kept only where the output's state, as Herald wrote it, says what their bytes are.
        let feedReuse = SiteBuilder.FeedReuse(
            inputs: pageInputs, keep: cache.canKeep,
            recordedFeeds: options.previousState == nil && cache.holdsAsWritten(SitePaths.state)
                ? prepared.previousState?.feeds ?? [:] : [:])
        let (planned, changes, saved) = try stages.run("render pages, feeds, API and calendar") {
            () throws -> ([PlannedFile], StateChanges, SavedMemos) in
            let context = RenderContext(site: prepared.site, status: prepared.status, content: content)
            // Feeds, API and calendar are built, and the memos are saved: both
            // overlap the parallel pages.
            let (pages, (others, saved)) = Concurrently.run {
                Result { () throws(ContentErrors) in
                    try PageRenderer.plan(
                        context, templates: prepared.templates, inputs: pageInputs, keep: cache.canKeep,
                        store: publisher.store)
                }
            } alongside: { [cache, prepared] in
                if let parsesToSave { cache.write(parses: parsesToSave) }
                let saved = SavedMemos(
                    markdown: cache.save(markdown: usedMarkdown), parses: warmParses, known: savedKnown)
                return (otherFiles(prepared, context: context, reuse: feedReuse), saved)
            }
            let files =
                try pages.get()
                + others.files.map { file in
                    var plannedFile = file
                    if file.contents != nil, cache.canKeep(file.path, key: file.key) {
                        plannedFile.contents = nil
                    }
                    return plannedFile
                }
            return (files, others.changes, saved)
        }
        let result = try stages.run("publish") {
            try publisher.publish(
                planned, current: cache.manifest, outputIntact: cache.outputIntact, kept: claim.kept,
                keptBefore: claim.keptBefore, survey: survey)
        }
        // The next publish links every file the spare tree lacks or holds an older version of:
        // when that is most of them, `serve` fills the spare once pages have reloaded
        // (`fillSpare`), so that the next save the user waits for links only what it changes.
        let spareNeedsFilling =
            keepsWarm && cache.directory != nil
            && ((survey?.fileCount ?? 0) < planned.count / 2 || result.written > planned.count / 2)
        stages.run("save the cache") {
            cache.save(manifest: result.manifest)
            cache.tidy()
            // A racy fingerprint may match inputs edited after they were read: not recorded, so
            // the next build takes the full path.
            if let inputs, !inputs.isRacy {
                cache.save(
                    record: BuildRecord(
                        inputs: inputs.hash, warnings: prepared.diagnostics,
                        previousStateProblem: prepared.previousStateProblem))
            }
        }
        return Built(
            paths: planned.map(\.path), written: result.written, changes: changes,
            warnings: prepared.diagnostics, previousStateProblem: prepared.previousStateProblem,
            stages: stages, siteTemplateFiles: prepared.templates.siteFiles,
            warm: cache.directory == nil || !keepsWarm
                ? nil
                : WarmCache(
                    manifest: result.manifest, markdown: saved.markdown, parses: saved.parses,
                    documents: prepared.documents.filter { saved.parses[$0.key] != nil }, known: saved.known,
                    links: prepared.links, spareNeedsFilling: spareNeedsFilling))
    }

    /// Links every file of the output into the spare tree when the build that left `warm` found
    /// the spare (nearly) empty, as a first build does, or wrote most of the site, as one after a
    /// change to the theme does (`WarmCache.spareNeedsFilling`): otherwise the next publish links
    /// them all (13,777 at 10,000 incidents, 3–4 s). `herald serve` calls it once open pages were
    /// told of the build, before it waits for the next change. Returns `warm` with the files'
    /// new identities (see `SpareTreePublisher.fillSpare`), which it also saves.
    package static func fillSpare(_ warm: WarmCache, outputDirectory: String) -> WarmCache {
        guard warm.spareNeedsFilling else { return warm }
        let output = OutputLocation(outputDirectory)
        let directory = output.cacheDirectory
        let publisher = SpareTreePublisher(
            outputDirectory: output.path, spareDirectory: BuildCache.spareDirectory(inCache: directory),
            disk: BuildCache.disk)
        var filled = warm
        filled.manifest = publisher.fillSpare(from: warm.manifest)
        filled.spareNeedsFilling = false
        BuildCache.save(manifest: filled.manifest, inCache: directory)
        return filled
    }

    /// The memos as their files hold them after a build (see `BuildCache.save`).
    private struct SavedMemos: Sendable {
        var markdown: [StableHash: MemoizedEntry]
        var parses: [StableHash: MemoRecord]
        var known: [String: KnownFile]
    }
}
