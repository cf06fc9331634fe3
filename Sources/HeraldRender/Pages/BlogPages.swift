import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `blog/` (paginated), `blog/<slug>/` and `blog/tags/<tag>/`.
struct BlogIndexPage: Sendable, Encodable {
    var layout: PageLayout
    var title: String
    var posts: [PostSummaryView]
    var pagination: PaginationView?
    var feedHref: String

    static let pageSize = 10

    static func jobs(_ context: RenderContext) -> [PageJob] {
        let blogTitle = context.site.config.blogTitle
        return context.paginate(context.site.posts, size: pageSize, path: SitePaths.blogPage).map { page in
            // Its posts' summaries (their digests cover them) and its place in the pagination.
            let number = page.pagination.map { "page \($0.current) of \($0.total)" } ?? "the only page"
            let reads: [PageInputs.Part] = [.shown(number)] + page.items.map { .post($0.slug) }
            return PageJob(path: page.path, template: "blog", reads: reads) {
                let root = RenderContext.root(for: page.path)
                let title =
                    page.pagination.map { "\(blogTitle), page \($0.current) of \($0.total)" } ?? blogTitle
                return BlogIndexPage(
                    layout: context.layout(path: page.path, title: title, section: .blog), title: title,
                    posts: page.items.map { context.summary(of: $0, root: root) },
                    pagination: page.pagination,
                    feedHref: root + SitePaths.blogFeed)
            }
        }
    }
}

struct PostPage: Sendable, Encodable {
    var layout: PageLayout
    var title: String
    var date: String
    var dateISO: String
    var author: String?
    var tags: [LinkView]
    var bodyHTML: String
    var questions: [QuestionView]
    var incidents: [EventSummaryView]
    var clusters: [LinkView]

    static func jobs(_ context: RenderContext) -> [PageJob] {
        context.site.posts.map { post in
            PageJob(
                path: SitePaths.post(post.slug), template: "post",
                reads: [.post(post.slug)] + post.incidents.map { .incident($0) }
            ) { model(context, post) }
        }
    }

    private static func model(_ context: RenderContext, _ post: Post) -> PostPage {
        let path = SitePaths.post(post.slug)
        let root = RenderContext.root(for: path)
        let rendered = context.content.posts[post.slug]
        let summary = context.summary(of: post, root: root)
        return PostPage(
            layout: context.layout(
                path: path, title: post.title, description: rendered?.summary, section: .blog,
                shareType: .article,
                structuredData: StructuredData.questions(
                    rendered?.questions ?? [], pageURL: context.site.config.baseURL.url(path),
                    title: post.title)),
            title: post.title, date: summary.date, dateISO: summary.dateISO, author: post.author,
            tags: summary.tags, bodyHTML: rendered?.bodyHTML ?? "",
            questions: context.questionViews(rendered?.questions ?? []),
            incidents: post.incidents.compactMap { context.incidentsBySlug[$0] }
                .map { context.summary(of: $0, root: root) },
            clusters: post.clusters.map {
                LinkView(title: context.clusterNames[$0] ?? $0, href: root + SitePaths.cluster($0))
            })
    }
}

struct TagPage: Sendable, Encodable {
    var layout: PageLayout
    var tag: String
    var posts: [PostSummaryView]

    static func jobs(_ context: RenderContext) -> [PageJob] {
        // Tags that differ only in case or punctuation share one page, named as first written.
        var postsByPath: [String: (tag: String, posts: [Post])] = [:]
        for post in context.site.posts {
            for tag in post.tags {
                postsByPath[SitePaths.tag(tag), default: (tag, [])].posts.append(post)
            }
        }
        return postsByPath.keys.sorted().map { path in
            let root = RenderContext.root(for: path)
            let entry = postsByPath[path, default: ("", [])]
            let model = TagPage(
                layout: context.layout(path: path, title: "Posts tagged “\(entry.tag)”", section: .blog),
                tag: entry.tag, posts: entry.posts.map { context.summary(of: $0, root: root) })
            return PageJob(path: path, template: "tag", model: model)
        }
    }
}

/// `404.html`, served by hosts for any missing path, so its links use the base path.
struct NotFoundPage: Sendable, Encodable {
    var layout: PageLayout

    static func job(_ context: RenderContext) -> PageJob {
        let path = SitePaths.notFound
        let model = NotFoundPage(
            layout: context.layout(
                path: path, title: "Page not found", section: .none, root: context.site.config.baseURL.path))
        return PageJob(path: path, template: "404", model: model)
    }
}
