import Foundation
import HeraldCore
import HeraldLoad
import Yams

extension DocumentParser {
    /// `postmortem: {published: TIME, body: MARKDOWN}`, only on a resolved incident (SPEC §3.2), and
    /// never published before the resolution.
    mutating func postmortem(_ node: Node, key: Node?, resolved: Date?) -> Postmortem? {
        let what = "the postmortem"
        guard let fields = reader.mapping(node, known: ["published", "body"], what: what) else { return nil }
        let publishedNode = reader.required(fields, "published", in: what)
        let published = publishedNode.flatMap { reader.time($0, field: "published") }
        let body = reader.required(fields, "body", in: what).flatMap { reader.markdown($0, field: "body") }
        guard let resolved else {
            reader.error(
                "a postmortem is only for a resolved incident, and this one is not resolved; resolve it first "
                    + "(`herald update \(document.slug ?? "SLUG") --resolve --message …`)",
                at: key ?? node)
            return nil
        }
        guard let published, let publishedNode, let body else { return nil }
        if published < resolved {
            reader.error(
                "the postmortem is published at \(Timestamp.format(published)), before the incident was resolved "
                    + "(\(Timestamp.format(resolved))); publish it after the resolution", at: publishedNode)
            return nil
        }
        return Postmortem(body: body, published: published)
    }
}
