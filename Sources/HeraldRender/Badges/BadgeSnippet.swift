import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// A badge as a cluster page offers it: a preview and text to paste into Markdown or HTML.
struct BadgeSnippetView: Sendable, Encodable {
    var title: String
    /// The badge, relative to the page (the preview).
    var previewHref: String
    var previewAlt: String
    var markdown: String
    var html: String

    /// The badge at `badgePath`, linking to the page at `pagePath`; absolute URLs, as they are pasted elsewhere.
    init(title: String, badgePath: String, pagePath: String, root: String, config: SiteConfig) {
        let image = config.baseURL.url(badgePath)
        let page = config.baseURL.url(pagePath)
        let alt = "\(title) status"
        self.title = title
        previewHref = root + badgePath
        previewAlt = alt
        markdown = "[![\(Self.markdownText(alt))](\(image))](\(page))"
        html =
            "<a href=\"\(HTMLEscaping.escape(page))\"><img src=\"\(HTMLEscaping.escape(image))\" alt=\"\(HTMLEscaping.escape(alt))\"></a>"
    }

    /// Brackets and backslashes escaped, so a name cannot end the link text early.
    static func markdownText(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\[]".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    static func all(_ context: RenderContext, cluster: Cluster, root: String) -> [BadgeSnippetView] {
        let config = context.site.config
        let clusterPage = SitePaths.cluster(cluster.id)
        return [
            BadgeSnippetView(
                title: cluster.name, badgePath: SitePaths.clusterBadge(cluster.id), pagePath: clusterPage,
                root: root, config: config)
        ]
            + cluster.serviceIDs.map { service in
                let id = ComponentID(cluster: cluster.id, service: service)
                return BadgeSnippetView(
                    title: context.name(of: id), badgePath: SitePaths.componentBadge(id),
                    pagePath: clusterPage,
                    root: root, config: config)
            }
    }
}
