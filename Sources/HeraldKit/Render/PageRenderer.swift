import Foundation

/// Renders every HTML page of the site from the templates, in parallel.
public enum PageRenderer {
    public static func render(
        site: Site, status: SiteStatus, content: RenderedContent, templates: TemplateSet
    ) -> [OutputFile] {
        let context = RenderContext(site: site, status: status, content: content)
        let jobs =
            [IndexPage.job(context), NotFoundPage.job(context)] + ClusterPage.jobs(context)
            + EventPage.jobs(context) + HistoryPage.jobs(context) + BlogIndexPage.jobs(context)
            + PostPage.jobs(context) + TagPage.jobs(context)
        let rendered = ParallelMap.map(jobs) { job in
            OutputFile(
                path: SitePaths.file(for: job.path), text: templates.render(job.model, template: job.template) ?? "")
        }
        return rendered + [Sitemap.render(site: site, pages: jobs.map(\.path).filter { $0 != SitePaths.notFound })]
    }
}
