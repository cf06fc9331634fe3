import Foundation
import HeraldCore

/// A postmortem published as of the state's `now`. The state lists every one, however long after
/// its incident's resolution, so the next diff reports each exactly once ("postmortem published").
package struct StatePostmortem: Codable, Hashable, Sendable {
    /// The incident's slug.
    package var slug: String
    package var title: String
    package var published: Date
    /// Absolute URL of the incident page (its postmortem section).
    package var url: String
    /// Where its news is routed: every cluster the incident affected, in site order.
    package var clusters: [String]

    package init(slug: String, title: String, published: Date, url: String, clusters: [String]) {
        self.slug = slug
        self.title = title
        self.published = Timestamp.wholeSeconds(published)
        self.url = url
        self.clusters = clusters
    }
}

extension StateDiff {
    /// Each postmortem the new state lists and the old one does not. A previous state written before
    /// Herald recorded postmortems (no `postmortems` key) reports none, so upgrading never announces
    /// old ones.
    static func postmortemChanges(_ context: DiffContext) -> [Change] {
        guard let old = context.old.postmortems else { return [] }
        let known = Set(old.map(\.slug))
        return (context.new.postmortems ?? []).filter { !known.contains($0.slug) }.flatMap { postmortem in
            postmortem.clusters.map { cluster in
                Change(
                    kind: .postmortemPublished, audience: .emergency, cluster: cluster,
                    clusterName: context.clusterName(cluster), incident: postmortem.slug,
                    title: postmortem.title,
                    url: postmortem.url + "#postmortem-heading", status: "postmortem")
            }
        }
    }
}
