import Foundation

/// Renders every HTML page of the site from the templates, in parallel.
public enum PageRenderer {
    public static func render(
        site: Site, status: SiteStatus, content: RenderedContent, templates: TemplateSet
    ) -> [OutputFile] {
        let jobs = jobs(RenderContext(site: site, status: status, content: content))
        let rendered = ParallelMap.map(jobs) { job in
            OutputFile(
                path: SitePaths.file(for: job.path),
                contents: templates.render(TemplateTree.make(job.model()), template: job.template) ?? Data())
        }
        return rendered + [
            Sitemap.render(site: site, pages: jobs.map(\.path).filter { $0 != SitePaths.notFound })
        ]
    }

    /// Every page of the site, each rendered only when `keep` says the current output does not
    /// already hold it, and handed to `store` as soon as it is rendered (kept in memory only when
    /// `store` returns nil). A page's key hashes the cache version, the theme, the template name
    /// and the view model as the templates see it, which determine its bytes.
    static func plan(
        site: Site, status: SiteStatus, content: RenderedContent, templates: TemplateSet,
        keep: @Sendable (String, StableHash) -> Bool, store: @Sendable (String, Data) -> FileIdentity?
    ) -> [PlannedFile] {
        let jobs = jobs(RenderContext(site: site, status: status, content: content))
        let planned = ParallelMap.map(jobs) { job in
            let tree = TemplateTree.make(job.model())
            var hasher = StableHasher()
            hasher.combine(CacheVersion.current)
            hasher.combine(templates.fingerprint)
            hasher.combine(job.template)
            TemplateTree.hash(tree, into: &hasher)
            let key = hasher.finalize()
            let path = SitePaths.file(for: job.path)
            if keep(path, key) { return PlannedFile(path: path, key: key, contents: nil) }
            let contents = templates.render(tree, template: job.template) ?? Data()
            if let stored = store(path, contents) {
                return PlannedFile(path: path, key: key, contents: nil, stored: stored)
            }
            return PlannedFile(path: path, key: key, contents: contents)
        }
        var sitemap = PlannedFile(
            Sitemap.render(site: site, pages: jobs.map(\.path).filter { $0 != SitePaths.notFound }))
        if keep(sitemap.path, sitemap.key) { sitemap.contents = nil }
        return planned + [sitemap]
    }

    /// Every page of the site with its template and view model.
    static func jobs(_ context: RenderContext) -> [PageJob] {
        [IndexPage.job(context), NotFoundPage.job(context)] + ClusterPage.jobs(context)
            + EventPage.jobs(context) + HistoryPage.jobs(context) + BlogIndexPage.jobs(context)
            + PostPage.jobs(context) + TagPage.jobs(context)
    }
}
