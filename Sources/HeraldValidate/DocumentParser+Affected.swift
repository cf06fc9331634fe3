import HeraldCore
import HeraldLoad
import HeraldMarkdown
import Yams

extension DocumentParser {
    /// How an `affected` list treats `status`.
    enum AffectedMode {
        /// Each entry needs a status an incident may give.
        case incident
        /// No entry may give one: it is `under-maintenance`.
        case maintenance
    }

    /// An `affected:` list, expanded to one impact per component in file order.
    ///
    /// An entry without `services` covers every service of its cluster. A component listed twice in one
    /// list is an error (rather than "last wins"), so two conflicting statuses never go unnoticed.
    mutating func affected(_ node: Node, mode: AffectedMode, requireEntries: Bool) -> [ComponentImpact]? {
        guard let items = reader.list(node, field: "affected") else { return nil }
        if items.isEmpty && requireEntries {
            reader.error("`affected` needs at least one entry such as `- cluster: a`", at: node)
            return nil
        }
        var impacts: [ComponentImpact] = []
        var seen = Set<ComponentID>()
        for item in items {
            guard
                let fields = reader.mapping(
                    item, known: ["cluster", "services", "status"], what: "an `affected` entry")
            else { continue }
            var status = ComponentStatus.underMaintenance
            switch mode {
            case .incident:
                let options = ComponentStatus.incidentStatuses.map { ($0.slug, $0) }
                guard let statusNode = reader.required(fields, "status", in: "an `affected` entry"),
                    let value = reader.choice(statusNode, field: "status", options)
                else { break }
                status = value
            case .maintenance:
                if let keyNode = fields.keyNode("status") {
                    reader.error(
                        "maintenance gives its components the status `under-maintenance`; remove `status`",
                        at: keyNode)
                }
            }
            guard let clusterNode = reader.required(fields, "cluster", in: "an `affected` entry"),
                let cluster = reader.nonEmptyText(clusterNode, field: "cluster"),
                checkCluster(cluster, at: clusterNode),
                let clusterServices = catalog?.servicesOfCluster[cluster]
            else { continue }

            var listed: [(service: String, node: Node)] = clusterServices.map { ($0, clusterNode) }
            if let servicesNode = fields["services"] {
                guard let items = reader.textList(servicesNode, field: "services") else { continue }
                if items.isEmpty {
                    reader.error(
                        "`services` needs at least one service; leave it out to mean every service of the cluster",
                        at: servicesNode)
                }
                listed = items.filter {
                    checkService($0.text, of: cluster, services: clusterServices, at: $0.node)
                }
                .map { ($0.text, $0.node) }
            }
            for (service, serviceNode) in listed {
                let component = ComponentID(cluster: cluster, service: service)
                guard seen.insert(component).inserted else {
                    reader.error(
                        "component \(component) is already listed in this `affected` list", at: serviceNode)
                    continue
                }
                impacts.append(ComponentImpact(component: component, status: status))
            }
        }
        return impacts
    }

    private mutating func checkService(
        _ service: String, of cluster: String, services: [String], at node: Node
    ) -> Bool {
        guard let catalog else { return false }
        if services.contains(service) { return true }
        if catalog.hasService(service) {
            reader.error(
                "cluster `\(cluster)` does not run service `\(service)`; its services are "
                    + services.map { "`\($0)`" }.joined(separator: ", "), at: node)
        } else {
            reader.error(
                "unknown service `\(service)`; cluster `\(cluster)` runs "
                    + services.map { "`\($0)`" }.joined(separator: ", ")
                    + Suggestion.sentence(for: service, in: services),
                at: node)
        }
        return false
    }
}
