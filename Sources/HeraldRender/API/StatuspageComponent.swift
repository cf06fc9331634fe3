import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// A component: a cluster (as a group, listing its members) or one (cluster, service) pair.
struct StatuspageComponent: Encodable {
    var id: String
    var name: String
    var status: String
    var createdAt: String
    var updatedAt: String
    /// 1-based, among top-level groups for clusters and within the group for members.
    var position: Int
    @ExplicitNull var description: String?
    var group: Bool
    @ExplicitNull var groupId: String?
    /// Member ids; only groups carry the key.
    var components: [String]?
    var pageId: String
    var onlyShowIfDegraded: Bool
    var showcase: Bool
    @ExplicitNull var startDate: String?
}
