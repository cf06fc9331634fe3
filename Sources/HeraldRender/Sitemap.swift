import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `sitemap.xml`: every page's absolute URL, in a stable order.
enum Sitemap {
    static func render(site: Site, pages: [String]) -> OutputFile {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for page in pages.sorted() {
            xml += "  <url><loc>\(XMLEscaping.escape(site.config.baseURL.url(page)))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: SitePaths.sitemap, text: xml)
    }
}
