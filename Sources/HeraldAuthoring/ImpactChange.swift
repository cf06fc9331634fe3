import HeraldBuild
import HeraldCore
import HeraldValidate

/// One `--set CLUSTER/SERVICE=STATUS` (or `CLUSTER=STATUS`, for every service of the cluster) of
/// `herald update`: how badly a component is affected from the new update on; `operational` ends it.
package struct ImpactChange: Sendable, Equatable {
    package var cluster: String
    /// nil: every service of the cluster.
    package var service: String?
    /// `operational`, or a status an incident may give.
    package var status: ComponentStatus

    package init(cluster: String, service: String?, status: ComponentStatus) {
        self.cluster = cluster
        self.service = service
        self.status = status
    }

    /// The statuses `--set` accepts.
    static let choices: [ComponentStatus] = [.operational] + ComponentStatus.incidentStatuses

    /// Reads `a/inbound=major-outage` or `a=operational`.
    package init(parsing text: String) throws(UpdateFailure) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let target = parts[0].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, target.count <= 2, target.allSatisfy({ !$0.isEmpty }) else {
            throw .badImpactChange(
                text,
                reason: "write it as CLUSTER/SERVICE=STATUS, or CLUSTER=STATUS for every service of a cluster"
            )
        }
        let statusText = String(parts[1])
        guard let status = ComponentStatus(slug: statusText), Self.choices.contains(status) else {
            let names = Self.choices.map(\.slug)
            throw .badImpactChange(
                text,
                reason: "`\(statusText)` is not a status an incident gives; use one of "
                    + names.joined(separator: ", ") + Suggestion.sentence(for: statusText, in: names))
        }
        self.init(cluster: target[0], service: target.count == 2 ? target[1] : nil, status: status)
    }

    /// `current` with `changes` applied: those for a whole cluster first, then those for one service,
    /// so `--set a/inbound=degraded-performance --set a=operational` keeps inbound degraded whatever
    /// the order; among equals, the later one wins. A changed component keeps its place, a new one
    /// is added at the end, and an `operational` one leaves the list.
    static func applying(
        _ changes: [ImpactChange], to current: [ComponentImpact], catalog: Catalog?
    ) throws(UpdateFailure) -> [ComponentImpact] {
        var impacts = current
        for change in changes.filter({ $0.service == nil }) + changes.filter({ $0.service != nil }) {
            for component in try change.components(catalog: catalog) {
                let index = impacts.firstIndex { $0.component == component }
                switch (index, change.status) {
                case (let index?, .operational): impacts.remove(at: index)
                case (let index?, let status): impacts[index].status = status
                case (nil, .operational): continue
                case (nil, let status): impacts.append(ComponentImpact(component: component, status: status))
                }
            }
        }
        return impacts
    }

    /// The components this change names, checked against `site.yml`.
    private func components(catalog: Catalog?) throws(UpdateFailure) -> [ComponentID] {
        let spelled = cluster + (service.map { "/" + $0 } ?? "")
        guard let catalog else { return service.map { [ComponentID(cluster: cluster, service: $0)] } ?? [] }
        guard let services = catalog.servicesOfCluster[cluster] else {
            throw .badImpactChange(
                spelled,
                reason: "unknown cluster `\(cluster)`"
                    + Suggestion.sentence(for: cluster, in: catalog.clusterIDs))
        }
        guard let service else { return services.map { ComponentID(cluster: cluster, service: $0) } }
        guard services.contains(service) else {
            throw .badImpactChange(
                spelled,
                reason: "cluster `\(cluster)` does not run `\(service)`; its services are "
                    + services.joined(separator: ", ") + Suggestion.sentence(for: service, in: services))
        }
        return [ComponentID(cluster: cluster, service: service)]
    }
}

/// What a component's line on the incident page will say after an edit: `from` → `to`.
package struct ImpactReport: Sendable, Equatable {
    package var component: ComponentID
    package var name: String
    package var from: ComponentStatus
    package var to: ComponentStatus

    /// `Cluster A / Inbound mail: partial outage → major outage`.
    package var line: String { "\(name): \(from.label.lowercased()) → \(to.label.lowercased())" }

    /// One report per component whose status differs between `before` and `after`, in the order
    /// they are listed (`after` first, then the components that left).
    static func changes(from before: [ComponentImpact], to after: [ComponentImpact], site: AuthoringSite)
        -> [ImpactReport]
    {
        let old = Dictionary(before.map { ($0.component, $0.status) }, uniquingKeysWith: max)
        let new = Dictionary(after.map { ($0.component, $0.status) }, uniquingKeysWith: max)
        var seen = Set<ComponentID>()
        return (after + before).map(\.component).filter { seen.insert($0).inserted }.compactMap { component in
            let from = old[component] ?? .operational
            let to = new[component] ?? .operational
            guard from != to else { return nil }
            return ImpactReport(component: component, name: site.name(of: component), from: from, to: to)
        }
    }
}

extension AuthoringSite {
    /// `Cluster A / Inbound mail`, from `site.yml`'s names (ids when it cannot be read).
    func name(of component: ComponentID) -> String {
        let cluster = clusters.first { $0.id == component.cluster }?.name ?? component.cluster
        return "\(cluster) / \(serviceNames[component.service] ?? component.service)"
    }
}
