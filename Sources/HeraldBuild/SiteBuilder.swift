import Foundation
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldMarkdown
import HeraldRender
import HeraldTemplates
import HeraldValidate
import HeraldWrite

/// The whole pipeline: load → validate → derive → render. Writing is the caller's last step,
/// so a build that fails at any stage writes nothing.
package enum SiteBuilder {
    /// What a successful render produced.
    package struct Rendered: Sendable {
        package var site: Site
        package var status: SiteStatus
        package var files: [OutputFile]
        /// What changed since the previous state (`previous == nil` on a first build).
        package var changes: StateChanges
        /// Warnings found on the way (errors stop the build instead).
        package var warnings: [Diagnostic]
        /// A previous state that could not be used, said as a warning; the build went on as a first build.
        package var previousStateProblem: String?
    }

    /// Loads and validates the content. Throws `LoadFailure` only when folders cannot be read.
    /// With a `memo`, unchanged files are not parsed again (see `SiteValidator.validate`).
    package static func check(_ options: BuildOptions, fileSystem: any FileSystem, memo: ParseMemo? = nil)
        throws -> ValidationResult
    {
        try check(options, fileSystem: fileSystem, memo: memo, known: nil).result
    }

    /// `check`, and with a `memo` and `known` files (`BuildCache.known`), files whose identity is
    /// the known one are not read either; `seen` is what the load saw, for the next build. With
    /// `links`, the previous link check of this process (`serve`), whose warnings stand for
    /// pages it checked alike; `checked` is this one's, for the next. `identified`: the content
    /// files as the build's fingerprint identified them (`ContentLoader.load(…, identified:)`).
    static func check(
        _ options: BuildOptions, fileSystem: any FileSystem, memo: ParseMemo?, known: [String: KnownFile]?,
        identified: [String: ResolvedFile] = [:], links previous: LinkCheck.Checked? = nil,
        keepsLinks: Bool = false
    ) throws -> (
        result: ValidationResult, seen: [String: KnownFile], checked: LinkCheck.Checked?, snapshot: Site?
    ) {
        let loader = ContentLoader(fileSystem: fileSystem)
        let validation = ValidationOptions(
            includeDrafts: options.includeDrafts, baseURLOverride: options.baseURL, now: options.now,
            staleAfter: options.staleAfter)
        var content = try loader.load(
            contentDirectory: options.contentDirectory, displayRoot: options.displayRoot,
            known: memo == nil ? nil : known, identified: identified)
        var result = SiteValidator.validate(content, options: validation, memo: memo)
        if !result.unread.isEmpty {
            // A file left unread has no record to stand for it (the memo lost it, or `site.yml`
            // changed what parses read): read them all, as without `known`.
            content = try loader.load(
                contentDirectory: options.contentDirectory, displayRoot: options.displayRoot, known: [:],
                identified: identified)
            result = SiteValidator.validate(content, options: validation, memo: memo)
        }
        // Links are checked against the pages a build as of `now` publishes, so only once the
        // content is valid.
        var checked: LinkCheck.Checked?
        var snapshot: Site?
        if let site = result.site {
            let published = SiteSnapshot.asOf(site, now: options.now)
            snapshot = published
            let check = LinkCheck.check(
                site, published: published, now: options.now, links: result.links, previous: previous,
                keeping: keepsLinks)
            let links = check.warnings
            checked = check.checked
            if !links.isEmpty {
                result.diagnostics = (result.diagnostics + links).enumerated().sorted {
                    ($0.element.location, $0.offset) < ($1.element.location, $1.offset)
                }.map(\.element)
            }
        }
        return (result, content.seen, checked, snapshot)
    }

    /// Runs every stage but writing. Content or template errors come back as `ContentErrors`.
    package static func render(_ options: BuildOptions, fileSystem: any FileSystem) throws -> Rendered {
        var stages = StageTimes()
        let prepared = try prepare(options, fileSystem: fileSystem, stages: &stages)
        let content = ContentRenderer.render(prepared.site, markdown: prepared.markdown)
        let context = RenderContext(site: prepared.site, status: prepared.status, content: content)
        let files = try PageRenderer.render(context, templates: prepared.templates)
        let others = otherFiles(prepared, context: context)
        let otherFiles = others.files.compactMap { file in
            file.contents.map { OutputFile(path: file.path, contents: $0) }
        }
        return prepared.rendered(files: files + otherFiles, changes: others.changes)
    }

    /// Validated content, templates and status as of `now`: everything rendering starts from.
    struct Prepared: Sendable {
        var site: Site
        var status: SiteStatus
        var templates: TemplateSet
        var markdown: MarkdownRenderer
        var state: SiteState
        /// What changed since `previousState`, but for the feeds (known once they are rendered).
        var changes: StateChanges
        var previousState: SiteState?
        var diagnostics: [Diagnostic]
        var previousStateProblem: String?
        /// The parse records validation used, for the cache, and their documents when asked
        /// for (`serve`'s warm cache).
        var parses: [StableHash: MemoRecord] = [:]
        var documents: [StableHash: ParsedDocument] = [:]
        /// The content files as the load saw them (when it was given `known` files).
        var seen: [String: KnownFile] = [:]
        /// What each item of `site` was made from, where its parse record says it (`PageInputs`).
        var sources = PageInputs.Sources()
        /// The link check, when asked for with the documents (`serve`'s warm cache).
        var links: LinkCheck.Checked? = nil

        func rendered(files: [OutputFile], changes: StateChanges) -> Rendered {
            Rendered(
                site: site, status: status, files: files, changes: changes, warnings: diagnostics,
                previousStateProblem: previousStateProblem)
        }
    }

    /// Load and validate, read the templates, derive: the stages before rendering, timed.
    static func prepare(
        _ options: BuildOptions, fileSystem: any FileSystem, stages: inout StageTimes,
        parseMemo: ParseMemo? = nil, known: [String: KnownFile]? = nil,
        identified: [String: ResolvedFile] = [:], keepsDocuments: Bool = false,
        links: LinkCheck.Checked? = nil
    ) throws -> Prepared {
        let (validation, seen, checked, snapshot) = try stages.run("load and validate") {
            try check(
                options, fileSystem: fileSystem, memo: parseMemo, known: known, identified: identified,
                links: links, keepsLinks: keepsDocuments)
        }
        var diagnostics = validation.diagnostics
        let templates: TemplateSet? = stages.run("read templates") {
            do throws(ContentErrors) {
                return try TemplateSet(
                    directory: options.templatesDirectory, displayRoot: options.displayRoot,
                    fileSystem: fileSystem)
            } catch {
                diagnostics += error.diagnostics
                return nil
            }
        }
        // The snapshot is there whenever the site is (`check` makes it for the link check).
        guard let fullSite = validation.site, let site = snapshot, let templates else {
            throw ContentErrors(diagnostics)
        }
        return stages.run("derive status, state and changes") {
            let status = StatusDeriver.derive(snapshot: site, now: options.now)
            let state = SiteState.make(site: site, status: status)
            let previous = previousState(options, fileSystem: fileSystem)
            return Prepared(
                site: site, status: status, templates: templates,
                markdown: MarkdownRenderer(options: MarkdownOptions(unsafeHTML: site.config.unsafeHTML)),
                state: state,
                changes: StateDiff.diff(from: previous.state, to: state), previousState: previous.state,
                diagnostics: diagnostics, previousStateProblem: previous.problem, parses: validation.parses,
                documents: keepsDocuments ? validation.documents : [:], seen: seen,
                sources: PageInputs.Sources(snapshot: site, site: fullSite, documents: validation.documents),
                links: checked)
        }
    }

    /// Feeds, API, calendar, assets, state and changes: every file but the pages and sitemap;
    /// and the changes with the feeds whose bytes changed. With `reuse`, a feed the output holds
    /// already is kept unrendered (`AtomFeeds.plan`).
    static func otherFiles(_ prepared: Prepared, context: RenderContext, reuse: FeedReuse? = nil)
        -> (files: [PlannedFile], changes: StateChanges)
    {
        // The feeds beside the rest, which render on their own too: when an edit keeps most
        // pages, these files are most of what is left to render (feeds about half).
        let renderers: [@Sendable () -> [OutputFile]] = [
            { StatuspageAPI.render(context) },
            { MaintenanceCalendar.render(context) },
            { UptimeFiles.render(site: prepared.site, status: prepared.status) },
            { ClusterSummaryFiles.render(context) },
        ]
        let recorded = reuse?.recordedFeeds ?? [:]
        let (feeds, rest) = Concurrently.run {
            AtomFeeds.plan(
                context, inputs: reuse?.inputs,
                keep: { path, key in recorded[path] != nil && reuse?.keep(path, key) == true })
        } alongside: {
            ParallelMap.map(renderers) { $0() }.flatMap { $0 }
        }
        // The state names each feed by the hash of its bytes: of the new ones, or as the state of
        // the output that holds a kept one recorded them.
        var state = prepared.state
        var feedBytes: [String: String] = [:]
        var files: [PlannedFile] = []
        for feed in feeds {
            switch feed {
            case .rendered(let file, let key):
                let bytes = PlannedFile(file)
                if feedBytes[file.path] == nil { feedBytes[file.path] = bytes.key.description }
                files.append(
                    key.map { PlannedFile(path: file.path, key: $0, contents: file.contents) } ?? bytes)
            case .kept(let path, let key):
                // Kept only where `recorded` names it (see `keep` above).
                if feedBytes[path] == nil { feedBytes[path] = recorded[path] }
                files.append(PlannedFile(path: path, key: key, contents: nil))
            }
        }
        state.feeds = feedBytes
        var changes = prepared.changes
        changes.feeds = StateDiff.changedFeeds(from: prepared.previousState, to: state)
        let others =
            rest + prepared.templates.assets + [
                OutputFile(path: SitePaths.state, contents: state.encoded()),
                OutputFile(path: SitePaths.changes, contents: changes.encoded()),
            ]
        return (files + others.map(PlannedFile.init), changes)
    }

    /// What lets a build keep feeds of the output it replaces unrendered.
    struct FeedReuse: Sendable {
        var inputs: PageInputs
        /// Whether the output's file at a path holds the bytes an input key gives (`BuildCache.canKeep`).
        var keep: @Sendable (String, StableHash) -> Bool
        /// The hash of each feed's bytes as the state of that same output records them.
        var recordedFeeds: [String: String]
    }

    /// Reads `--previous`, else the state of the output being replaced. A missing file is a
    /// first build; an unreadable or unknown one is reported and also treated as a first build,
    /// so a bad state never blocks publishing.
    static func previousState(
        _ options: BuildOptions, fileSystem: any FileSystem
    ) -> (state: SiteState?, problem: String?) {
        let path = previousStatePath(options)
        guard fileSystem.fileExists(at: path) else {
            return (
                nil,
                options.previousState.map {
                    "previous state \($0) does not exist; treating this as a first build"
                }
            )
        }
        do {
            return (try SiteState.decode(fileSystem.readFile(at: path)), nil)
        } catch {
            return (nil, "cannot use previous state \(path): \(error); treating this as a first build")
        }
    }

    /// `--previous`, else the state of the output being replaced.
    static func previousStatePath(_ options: BuildOptions) -> String {
        options.previousState ?? "\(options.outputDirectory)/\(SitePaths.state)"
    }
}
