import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `badges/<cluster>.svg` and `badges/<cluster>/<service>.svg`: the current status as a small
/// SVG image (name on the left, status in words and colour on the right), for READMEs, wikis
/// and control panels.
struct BadgeImage: Sendable, Encodable {
    var name: String
    var status: String
    var icon: String
    /// The whole text, for `<title>` and `aria-label`.
    var label: String
    var colour: String
    var width: Int
    var nameWidth: Int
    var statusWidth: Int
    /// Centres of the two texts.
    var nameX: Int
    var statusX: Int

    /// Horizontal padding either side of each text.
    static let padding = 6
    /// An estimate of a Verdana 11 px character, so widths depend on the text alone (no fonts are
    /// measured: the same words always give the same bytes).
    static let characterWidth = 7

    init(name: String, status: ComponentStatus) {
        let badge = StatusBadge(status)
        self.name = name
        self.status = badge.label
        icon = badge.icon
        label = "\(name): \(badge.label)"
        colour = Self.colour(of: status)
        nameWidth = Self.width(of: name)
        statusWidth = Self.width(of: "\(badge.icon) \(badge.label)")
        width = nameWidth + statusWidth
        nameX = nameWidth / 2
        statusX = nameWidth + statusWidth / 2
    }

    static func width(of text: String) -> Int {
        text.count * characterWidth + 2 * padding
    }

    /// The light theme's status colours, all dark enough for white text (WCAG AA at 11 px bold).
    static func colour(of status: ComponentStatus) -> String {
        switch status {
        case .operational: "#1a7f37"
        case .underMaintenance: "#0969da"
        case .degradedPerformance: "#8a5c00"
        case .partialOutage: "#b04700"
        case .majorOutage: "#cf222e"
        }
    }

    static let template = "badge.svg"

    static func jobs(_ context: RenderContext) -> [PageJob] {
        let states = Dictionary(
            context.status.components.map { ($0.component, $0.status) }, uniquingKeysWith: { a, _ in a })
        return context.site.config.clusters.flatMap { cluster in
            [
                PageJob(
                    path: SitePaths.clusterBadge(cluster.id), template: template, inSitemap: false,
                    model: BadgeImage(
                        name: cluster.name, status: context.status.clusters[cluster.id] ?? .operational))
            ]
                + cluster.serviceIDs.map { service in
                    let id = ComponentID(cluster: cluster.id, service: service)
                    return PageJob(
                        path: SitePaths.componentBadge(id), template: template, inSitemap: false,
                        model: BadgeImage(name: context.name(of: id), status: states[id] ?? .operational))
                }
        }
    }
}
