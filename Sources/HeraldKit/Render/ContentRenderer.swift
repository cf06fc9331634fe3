/// Renders every Markdown text of the site once, in parallel, for pages, feeds and the API.
public enum ContentRenderer {
    public static func render(_ site: Site, markdown: MarkdownRenderer) -> RenderedContent {
        let incidents = ParallelMap.map(site.incidents) { incident in
            (incident.slug, entry(body: incident.body, updates: incident.updates, questions: incident.questions, markdown))
        }
        let maintenances = ParallelMap.map(site.maintenances) { maintenance in
            (
                maintenance.slug,
                entry(body: maintenance.body, updates: maintenance.updates, questions: maintenance.questions, markdown)
            )
        }
        let posts = ParallelMap.map(site.posts) { post in
            var rendered = entry(body: post.body, updates: [IncidentUpdate](), questions: post.questions, markdown)
            if let summary = post.summary { rendered.summary = summary }
            return (post.slug, rendered)
        }
        let clusters = site.config.clusters.compactMap { cluster in
            cluster.description.map { (cluster.id, markdown.inlineHTML($0.source)) }
        }
        return RenderedContent(
            incidents: Dictionary(incidents, uniquingKeysWith: { first, _ in first }),
            maintenances: Dictionary(maintenances, uniquingKeysWith: { first, _ in first }),
            posts: Dictionary(posts, uniquingKeysWith: { first, _ in first }),
            clusterDescriptions: Dictionary(clusters, uniquingKeysWith: { first, _ in first }))
    }

    private static func entry<Phase>(
        body: MarkdownText, updates: [TimelineUpdate<Phase>], questions: [Question], _ markdown: MarkdownRenderer
    ) -> RenderedEntry {
        var updatesHTML: [String: String] = [:]
        for update in updates {
            updatesHTML[update.id] = markdown.html(update.message.source, idPrefix: update.id + "-")
        }
        return RenderedEntry(
            bodyHTML: markdown.html(body.source, idPrefix: "body-"), updatesHTML: updatesHTML,
            questions: questions.map { question in
                RenderedQuestion(
                    anchor: question.anchor, questionHTML: markdown.inlineHTML(question.question.source),
                    questionText: markdown.plainText(question.question.source),
                    answerHTML: markdown.html(question.answer.source, idPrefix: question.anchor + "-"))
            },
            summary: markdown.firstParagraphText(body.source))
    }
}
