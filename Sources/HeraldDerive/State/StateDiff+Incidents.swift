import HeraldCore

extension StateDiff {
    static func incidentChanges(_ context: DiffContext) -> [Change] {
        var changes: [Change] = []
        for after in context.new.incidents {
            let kind: ChangeKind
            var clusters = after.clusters
            if let before = context.oldIncidents[after.slug] {
                guard before.latestUpdate?.id != after.latestUpdate?.id else { continue }
                // Resolved and reopened between the two builds: a reopening, not just news.
                kind = before.reopened != after.reopened ? .incidentReopened : .incidentUpdated
                clusters = context.union(before.clusters, after.clusters)
            } else {
                let wasResolved = context.oldResolved[after.slug] != nil || after.reopened != nil
                kind = wasResolved ? .incidentReopened : .incidentOpened
            }
            changes += clusters.map { cluster in
                context.incidentChange(
                    kind, cluster: cluster, slug: after.slug, title: after.title, url: after.url,
                    status: after.status.rawValue, impact: after.impact, update: after.latestUpdate)
            }
        }
        for before in context.old.incidents where context.newIncidents[before.slug] == nil {
            let resolved = context.newResolved[before.slug]
            changes += context.union(before.clusters, resolved?.clusters ?? []).map { cluster in
                context.incidentChange(
                    .incidentResolved, cluster: cluster, slug: before.slug,
                    title: resolved?.title ?? before.title,
                    url: before.url, status: IncidentPhase.resolved.rawValue, impact: before.impact,
                    update: resolved?.latestUpdate)
            }
        }
        return changes
    }
}

extension DiffContext {
    fileprivate func incidentChange(
        _ kind: ChangeKind, cluster: String, slug: String, title: String, url: String, status: String,
        impact: Impact, update: StateUpdate?
    ) -> Change {
        Change(
            kind: kind, audience: .emergency, cluster: cluster, clusterName: clusterName(cluster),
            incident: slug, title: title, url: url, status: status, impact: impact, update: update)
    }
}
