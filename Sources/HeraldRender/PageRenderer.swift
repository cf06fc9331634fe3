import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Renders every HTML page of the site from the templates, in parallel.
package enum PageRenderer {
    package static func render(_ context: RenderContext, templates: TemplateSet) throws(ContentErrors)
        -> [OutputFile]
    {
        let jobs = jobs(context)
        let rendered = try firstFailure(
            ParallelMap.map(jobs) { job in
                Result { () throws(ContentErrors) in
                    OutputFile(
                        path: SitePaths.file(for: job.path),
                        contents: try templates.render(TemplateTree.make(job.model()), template: job.template)
                    )
                }
            })
        return rendered + [
            Sitemap.render(site: context.site, pages: sitemapPages(jobs))
        ]
    }

    /// Every page of the site, each rendered only when `keep` says the current output does not
    /// already hold it, and handed to `store` as soon as it is rendered (kept in memory only when
    /// `store` returns nil). A page's key hashes what determines its bytes: what it declares it
    /// reads (`PageJob.reads`, `PageInputs`), so an unchanged page costs no view model, or else
    /// the cache version, the theme, the template name and the view model as the templates see it.
    package static func plan(
        _ context: RenderContext, templates: TemplateSet, inputs: PageInputs,
        keep: @Sendable (String, StableHash) -> Bool, store: @Sendable (String, Data) -> FileIdentity?
    ) throws(ContentErrors) -> [PlannedFile] {
        let jobs = jobs(context)
        let planned = try firstFailure(
            ParallelMap.map(jobs) { job in
                Result { () throws(ContentErrors) in
                    try plan(job, inputs: inputs, templates: templates, keep: keep, store: store)
                }
            })
        var sitemap = PlannedFile(
            Sitemap.render(site: context.site, pages: sitemapPages(jobs)))
        if keep(sitemap.path, sitemap.key) { sitemap.contents = nil }
        return planned + [sitemap]
    }

    /// Each page's path with its input key (nil for a page keyed by its view model) and the key
    /// of its view model: what `PageInputKeyTests` checks the input keys against.
    package static func keys(_ context: RenderContext, templates: TemplateSet, inputs: PageInputs)
        -> [(path: String, input: StableHash?, model: StableHash)]
    {
        return ParallelMap.map(jobs(context)) { job in
            (
                job.path,
                inputs.key(of: job),
                modelKey(TemplateTree.make(job.model()), of: job, templates: templates)
            )
        }
    }

    /// One page: its key, and its bytes unless `keep` says the output already holds them.
    private static func plan(
        _ job: PageJob, inputs: PageInputs, templates: TemplateSet, keep: (String, StableHash) -> Bool,
        store: (String, Data) -> FileIdentity?
    ) throws(ContentErrors) -> PlannedFile {
        let path = SitePaths.file(for: job.path)
        let inputKey = inputs.key(of: job)
        if let inputKey, keep(path, inputKey) { return PlannedFile(path: path, key: inputKey, contents: nil) }
        let tree = TemplateTree.make(job.model())
        let key = inputKey ?? modelKey(tree, of: job, templates: templates)
        if inputKey == nil, keep(path, key) { return PlannedFile(path: path, key: key, contents: nil) }
        let contents = try templates.render(tree, template: job.template)
        if let stored = store(path, contents) {
            return PlannedFile(path: path, key: key, contents: nil, stored: stored)
        }
        return PlannedFile(path: path, key: key, contents: contents)
    }

    /// The key of a page that does not declare what it reads: the view model as the templates
    /// see it, with the cache version, the theme and the template name.
    private static func modelKey(_ tree: TemplateValue, of job: PageJob, templates: TemplateSet) -> StableHash
    {
        var hasher = StableHasher()
        hasher.combine(CacheVersion.current)
        hasher.combine(templates.fingerprint)
        hasher.combine(job.template)
        TemplateTree.hash(tree, into: &hasher)
        return hasher.finalize()
    }

    /// The values, or the error of the first page that failed (they all fail alike: a template
    /// including itself breaks every page that uses it).
    private static func firstFailure<Value>(_ results: [Result<Value, ContentErrors>]) throws(ContentErrors)
        -> [Value]
    {
        var values: [Value] = []
        values.reserveCapacity(results.count)
        for result in results { values.append(try result.get()) }
        return values
    }

    /// The paths `sitemap.xml` lists: every page but the 404 page, badges and embeds.
    private static func sitemapPages(_ jobs: [PageJob]) -> [String] {
        jobs.filter { $0.inSitemap && $0.path != SitePaths.notFound }.map(\.path)
    }

    /// Every page of the site with its template and view model.
    static func jobs(_ context: RenderContext) -> [PageJob] {
        [IndexPage.job(context), NotFoundPage.job(context)] + ClusterPage.jobs(context)
            + EventPage.jobs(context) + HistoryPage.jobs(context) + BlogIndexPage.jobs(context)
            + PostPage.jobs(context) + TagPage.jobs(context) + [UptimePage.job(context)]
            + BadgeImage.jobs(context) + EmbedPage.jobs(context)
    }
}
