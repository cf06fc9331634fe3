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
                text: templates.render(TemplateTree.make(job.model), template: job.template) ?? "")
        }
        return rendered + [Sitemap.render(site: site, pages: jobs.map(\.path).filter { $0 != SitePaths.notFound })]
    }

    /// Every page of the site with its template and view model.
    static func jobs(_ context: RenderContext) -> [PageJob] {
        [IndexPage.job(context), NotFoundPage.job(context)] + ClusterPage.jobs(context)
            + EventPage.jobs(context) + HistoryPage.jobs(context) + BlogIndexPage.jobs(context)
            + PostPage.jobs(context) + TagPage.jobs(context)
    }
}
