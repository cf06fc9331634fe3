import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `page`: the status page itself.
struct StatuspagePage: Encodable {
    var id: String
    var name: String
    var url: String
    var timeZone: String
    var updatedAt: String
}

/// `status`: the page-level rollup.
struct StatuspageStatus: Encodable {
    var indicator: String
    var description: String
}
