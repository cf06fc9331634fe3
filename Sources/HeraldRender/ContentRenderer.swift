import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Renders every Markdown text of the site once, in parallel, for pages, feeds and the API.
package enum ContentRenderer {
    package static func render(_ site: Site, markdown: MarkdownRenderer) -> RenderedContent {
        render(site, markdown: markdown, memo: MarkdownMemo()).content
    }

    /// Renders with the entries of items whose source (in `sources`) is one `memo` holds taken
    /// from it; also returns the entry of every item with a source (the next build's memo). An
    /// item without one (its snapshot as of `now` differs from its file) is rendered each time.
    package static func render(
        _ site: Site, markdown: MarkdownRenderer, memo: MarkdownMemo,
        sources: PageInputs.Sources = PageInputs.Sources()
    ) -> (content: RenderedContent, used: [StableHash: MemoizedEntry]) {
        let options = markdown.cmarkOptions
        /// The memo's entry for the item `slug` of `sources` (`render` standing by in case its
        /// record does not read back), else `render()`'s, with its key.
        @Sendable func entry(
            _ slug: String, _ sources: [String: StableHash], render: @escaping @Sendable () -> RenderedEntry
        ) -> (slug: String, slot: RenderedEntries.Slot, key: StableHash?) {
            let key = sources[slug].map { MarkdownMemo.key(source: $0, options: options) }
            if let stored = key.flatMap({ memo.stored[$0] }) {
                return (slug, RenderedEntries.Slot(entry: stored, render: render), key)
            }
            return (slug, RenderedEntries.Slot(entry: .rendered(render())), key)
        }
        let incidents = ParallelMap.map(site.incidents) { incident in
            entry(incident.slug, sources.incidents) {
                var rendered = Self.entry(
                    body: incident.body, updates: incident.updates, questions: incident.questions, markdown)
                rendered.postmortemHTML = incident.postmortem.map {
                    markdown.html($0.body.source, idPrefix: "postmortem-")
                }
                return rendered
            }
        }
        let maintenances = ParallelMap.map(site.maintenances) { maintenance in
            entry(maintenance.slug, sources.maintenances) {
                Self.entry(
                    body: maintenance.body, updates: maintenance.updates, questions: maintenance.questions,
                    markdown)
            }
        }
        let posts = ParallelMap.map(site.posts) { post in
            entry(post.slug, sources.posts) {
                var rendered = Self.entry(
                    body: post.body, updates: [IncidentUpdate](), questions: post.questions, markdown)
                if let summary = post.summary { rendered.summary = summary }
                return rendered
            }
        }
        var clusters: [(String, String)] = []
        for cluster in site.config.clusters {
            if let description = cluster.description {
                clusters.append((cluster.id, markdown.inlineHTML(description.source)))
            }
        }
        var used: [StableHash: MemoizedEntry] = [:]
        used.reserveCapacity(incidents.count + maintenances.count + posts.count)
        for results in [incidents, maintenances, posts] {
            for result in results {
                if let key = result.key { used[key] = result.slot.entry }
            }
        }
        /// The entries by slug (the first of a slug taken twice, which validation rules out).
        func bySlug(_ results: [(slug: String, slot: RenderedEntries.Slot, key: StableHash?)])
            -> RenderedEntries
        {
            RenderedEntries(
                slots: Dictionary(results.map { ($0.slug, $0.slot) }, uniquingKeysWith: { first, _ in first })
            )
        }
        let content = RenderedContent(
            incidents: bySlug(incidents), maintenances: bySlug(maintenances), posts: bySlug(posts),
            clusterDescriptions: Dictionary(clusters, uniquingKeysWith: { first, _ in first }))
        return (content, used)
    }

    private static func entry<Phase>(
        body: MarkdownText, updates: [TimelineUpdate<Phase>], questions: [Question],
        _ markdown: MarkdownRenderer
    ) -> RenderedEntry {
        var updatesHTML: [String: String] = [:]
        for update in updates {
            updatesHTML[update.id] = markdown.html(update.message.source, idPrefix: update.id + "-")
        }
        let body = markdown.htmlAndFirstParagraphText(body.source, idPrefix: "body-")
        return RenderedEntry(
            bodyHTML: body.html, updatesHTML: updatesHTML,
            questions: questions.map { question in
                let rendered = markdown.inlineHTMLAndPlainText(question.question.source)
                return RenderedQuestion(
                    anchor: question.anchor, questionHTML: rendered.html, questionText: rendered.text,
                    answerHTML: markdown.html(question.answer.source, idPrefix: question.anchor + "-"))
            },
            summary: body.firstParagraph)
    }
}
