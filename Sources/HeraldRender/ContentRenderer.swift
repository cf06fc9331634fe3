import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Renders every Markdown text of the site once, in parallel, for pages, feeds and the API.
package enum ContentRenderer {
    package static func render(_ site: Site, markdown: MarkdownRenderer) -> RenderedContent {
        render(site, markdown: markdown, memo: MarkdownMemo()).content
    }

    /// A build's rendered Markdown with what each item was made from (`PageInputs.Sources`),
    /// so that the next build of the same process (`serve`) takes an item made from the same
    /// source as it is, without looking up each of its texts in the memo (at 10,000 incidents,
    /// hashing every text for the memo was most of a `serve` rebuild's Markdown stage).
    package struct Reusable: Sendable {
        var content: RenderedContent
        var sources: PageInputs.Sources
        var options: Int32

        package init(content: RenderedContent, sources: PageInputs.Sources, markdown: MarkdownRenderer) {
            self.content = content
            self.sources = sources
            options = markdown.cmarkOptions
        }
    }

    /// Renders with texts already rendered in `memo` taken from it, and with `reusing`, the
    /// entries of items whose source (in `sources`) is the one they were rendered from; also
    /// returns every result this build looked up or rendered (the next build's memo, but for
    /// the texts of reused entries).
    package static func render(
        _ site: Site, markdown: MarkdownRenderer, memo: MarkdownMemo, reusing previous: Reusable? = nil,
        sources: PageInputs.Sources = PageInputs.Sources()
    ) -> (content: RenderedContent, used: [StableHash: String]) {
        let previous = previous?.options == markdown.cmarkOptions ? previous : nil
        let reused = (
            incidents: reusable(
                previous?.content.incidents, from: previous?.sources.incidents, now: sources.incidents),
            maintenances: reusable(
                previous?.content.maintenances, from: previous?.sources.maintenances,
                now: sources.maintenances),
            posts: reusable(previous?.content.posts, from: previous?.sources.posts, now: sources.posts)
        )
        let incidents = ParallelMap.map(site.incidents) { incident in
            if let entry = reused.incidents[incident.slug] {
                return (incident.slug, entry, [StableHash: String]())
            }
            var cached = MemoizedMarkdown(renderer: markdown, memo: memo)
            var entry = entry(
                body: incident.body, updates: incident.updates, questions: incident.questions, &cached)
            entry.postmortemHTML = incident.postmortem.map {
                cached.html($0.body.source, idPrefix: "postmortem-")
            }
            return (incident.slug, entry, cached.used)
        }
        let maintenances = ParallelMap.map(site.maintenances) { maintenance in
            if let entry = reused.maintenances[maintenance.slug] {
                return (maintenance.slug, entry, [StableHash: String]())
            }
            var cached = MemoizedMarkdown(renderer: markdown, memo: memo)
            let entry = entry(
                body: maintenance.body, updates: maintenance.updates, questions: maintenance.questions,
                &cached)
            return (maintenance.slug, entry, cached.used)
        }
        let posts = ParallelMap.map(site.posts) { post in
            if let entry = reused.posts[post.slug] { return (post.slug, entry, [StableHash: String]()) }
            var cached = MemoizedMarkdown(renderer: markdown, memo: memo)
            var rendered = entry(
                body: post.body, updates: [IncidentUpdate](), questions: post.questions, &cached)
            if let summary = post.summary { rendered.summary = summary }
            return (post.slug, rendered, cached.used)
        }
        var cached = MemoizedMarkdown(renderer: markdown, memo: memo)
        var clusters: [(String, String)] = []
        for cluster in site.config.clusters {
            if let description = cluster.description {
                clusters.append((cluster.id, cached.inlineHTML(description.source)))
            }
        }
        var used = cached.used
        for results in [incidents, maintenances, posts] {
            for (_, _, entries) in results { used.merge(entries) { first, _ in first } }
        }
        let content = RenderedContent(
            incidents: Dictionary(incidents.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first }),
            maintenances: Dictionary(
                maintenances.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first }),
            posts: Dictionary(posts.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first }),
            clusterDescriptions: Dictionary(clusters, uniquingKeysWith: { first, _ in first }))
        return (content, used)
    }

    /// The entries of `previous` whose item's source then (`from`) is its source `now`.
    private static func reusable(
        _ previous: [String: RenderedEntry]?, from before: [String: StableHash]?, now: [String: StableHash]
    ) -> [String: RenderedEntry] {
        guard let previous, let before else { return [:] }
        var entries: [String: RenderedEntry] = [:]
        entries.reserveCapacity(previous.count)
        for (slug, source) in now where before[slug] == source {
            if let entry = previous[slug] { entries[slug] = entry }
        }
        return entries
    }

    private static func entry<Phase>(
        body: MarkdownText, updates: [TimelineUpdate<Phase>], questions: [Question],
        _ markdown: inout MemoizedMarkdown
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

/// A `MarkdownRenderer` that takes results from a memo and records what it used.
struct MemoizedMarkdown {
    let renderer: MarkdownRenderer
    let memo: MarkdownMemo
    var used: [StableHash: String] = [:]

    mutating func html(_ source: String, idPrefix: String) -> String {
        memo.value(.html, source, prefix: idPrefix, options: renderer.cmarkOptions, used: &used) {
            renderer.html(source, idPrefix: idPrefix)
        }
    }

    mutating func inlineHTML(_ source: String) -> String {
        memo.value(.inlineHTML, source, options: renderer.cmarkOptions, used: &used) {
            renderer.inlineHTML(source)
        }
    }

    mutating func htmlAndFirstParagraphText(_ source: String, idPrefix: String) -> (
        html: String, firstParagraph: String
    ) {
        memo.values(
            (.html, .firstParagraphText), source, prefix: idPrefix, options: renderer.cmarkOptions,
            used: &used
        ) { renderer.htmlAndFirstParagraphText(source, idPrefix: idPrefix) }
    }

    mutating func inlineHTMLAndPlainText(_ source: String) -> (html: String, text: String) {
        memo.values((.inlineHTML, .plainText), source, options: renderer.cmarkOptions, used: &used) {
            renderer.inlineHTMLAndPlainText(source)
        }
    }
}
