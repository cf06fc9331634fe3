import Foundation
import HeraldCore
import HeraldLoad
import HeraldMarkdown
import Yams

extension DocumentParser {
    /// The fields of `Content/blog/*.md` (SPEC §3.4).
    mutating func post(_ fields: Fields, _ header: Header) -> Post? {
        let date = reader.required(fields, "date", in: "the post's front matter").flatMap { postDate($0) }
        let author = fields["author"].flatMap { reader.text($0, field: "author") }
        let summary = fields["summary"].flatMap { reader.text($0, field: "summary") }
        var tags: [String] = []
        if let node = fields["tags"], let items = reader.textList(node, field: "tags") {
            var seen = Set<String>()
            for (tag, tagNode) in items {
                if Slug.make(from: tag).isEmpty {
                    reader.error("tag `\(tag)` needs at least one letter or digit", at: tagNode)
                } else if seen.insert(tag).inserted {
                    tags.append(tag)
                }
            }
        }
        var clusters: [String] = []
        if let node = fields["clusters"], let items = reader.textList(node, field: "clusters") {
            for (cluster, clusterNode) in items where checkCluster(cluster, at: clusterNode) {
                if !clusters.contains(cluster) { clusters.append(cluster) }
            }
        }
        let incidents = fields["incidents"].map { incidentReferences($0, field: "incidents") } ?? []

        guard let slug = document.slug, let title = header.title, let body = header.body, let date else {
            return nil
        }
        let trimmedSummary = summary?.trimmingCharacters(in: .whitespacesAndNewlines)
        return Post(
            slug: slug, title: title, date: date, author: author,
            summary: trimmedSummary?.isEmpty ?? true ? nil : trimmedSummary, tags: tags, clusters: clusters,
            incidents: incidents, questions: header.questions, body: body, source: file.path)
    }

    /// A time with an offset, or a bare date meaning midnight in site.yml's time zone.
    private mutating func postDate(_ node: Node) -> Date? {
        reader.dateOrTime(node, field: "date", in: timeZone)
    }
}
