import HeraldCore

/// Both states of a diff, indexed by slug and key, and the order changes are listed in.
struct DiffContext {
    let old: SiteState
    let new: SiteState
    let oldComponents: [String: StateComponent]
    let oldIncidents: [String: StateIncident]
    let newIncidents: [String: StateIncident]
    let oldResolved: [String: StateResolvedIncident]
    let newResolved: [String: StateResolvedIncident]
    let oldMaintenance: [String: StateMaintenance]
    let newMaintenance: [String: StateMaintenance]
    /// Cluster id → (position, name): the new state's order first, then clusters only the old one has.
    private let clusters: [String: (rank: Int, name: String)]
    /// `cluster/service` → position, the same way.
    private let componentRanks: [String: Int]

    init(old: SiteState, new: SiteState) {
        self.old = old
        self.new = new
        oldComponents = Self.index(old.components, by: \.key)
        oldIncidents = Self.index(old.incidents, by: \.slug)
        newIncidents = Self.index(new.incidents, by: \.slug)
        oldResolved = Self.index(old.resolvedIncidents, by: \.slug)
        newResolved = Self.index(new.resolvedIncidents, by: \.slug)
        oldMaintenance = Self.index(old.maintenance, by: \.slug)
        newMaintenance = Self.index(new.maintenance, by: \.slug)
        var clusters: [String: (rank: Int, name: String)] = [:]
        for (rank, cluster) in (new.clusters + old.clusters).enumerated() where clusters[cluster.id] == nil {
            clusters[cluster.id] = (rank, cluster.name)
        }
        // States with an empty cluster list (hand-written) still name clusters through components.
        for component in new.components + old.components where clusters[component.cluster] == nil {
            clusters[component.cluster] = (clusters.count, component.clusterName)
        }
        self.clusters = clusters
        var componentRanks: [String: Int] = [:]
        for (rank, component) in (new.components + old.components).enumerated()
        where componentRanks[component.key] == nil {
            componentRanks[component.key] = rank
        }
        self.componentRanks = componentRanks
    }

    /// First entry wins, so a state with a duplicated slug still diffs.
    private static func index<Entry>(_ entries: [Entry], by key: (Entry) -> String) -> [String: Entry] {
        Dictionary(entries.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    func clusterName(_ id: String) -> String { clusters[id]?.name ?? id }

    /// The distinct clusters of both lists, in listing order.
    func union(_ first: [String], _ second: [String]) -> [String] {
        var seen = Set<String>()
        return (first + second).filter { seen.insert($0).inserted }.sorted {
            (clusters[$0]?.rank ?? Int.max, $0) < (clusters[$1]?.rank ?? Int.max, $1)
        }
    }

    func incidentCause(_ slug: String) -> ChangeCause {
        let incident = newIncidents[slug]
        return ChangeCause(
            kind: .incident, slug: slug, title: incident?.title ?? slug,
            url: incident?.url ?? new.baseURL.url(SitePaths.incident(slug)))
    }

    func maintenanceCause(_ slug: String) -> ChangeCause {
        let window = newMaintenance[slug]
        return ChangeCause(
            kind: .maintenance, slug: slug, title: window?.title ?? slug,
            url: window?.url ?? new.baseURL.url(SitePaths.maintenance(slug)))
    }

    /// Cluster (site order), audience, kind, then component (site order) or slug.
    func precedes(_ lhs: Change, _ rhs: Change) -> Bool {
        sortKey(lhs) < sortKey(rhs)
    }

    private func sortKey(_ change: Change) -> (Int, String, Audience, ChangeKind, Int, String) {
        let component = change.service.flatMap { componentRanks["\(change.cluster)/\($0)"] } ?? Int.max
        return (
            clusters[change.cluster]?.rank ?? Int.max, change.cluster, change.audience, change.kind,
            component,
            change.incident ?? change.maintenance ?? change.service ?? ""
        )
    }
}
