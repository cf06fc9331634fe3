import HeraldCore

/// What changed between two states: a pure function of the two, used by `herald build`
/// (`api/changes.json`) and `herald diff`.
///
/// Rules where the contract is silent:
/// - Components are matched by `cluster/service`; a component only in one state (a service added
///   or removed from `site.yml`) is not reported.
/// - An incident open before and gone now is reported resolved, whether it was resolved or its
///   file removed. A renamed slug therefore reads as the old slug resolved and the new one opened.
/// - An incident is reopened when it is open now and the previous state listed it among the
///   recently resolved (`RecentWindow`), or when its state records a reopening (`reopened`) the
///   previous state did not know of.
/// - An incident is updated when its newest update's id changed; editing an update's text is not.
/// - An incident or maintenance change is reported once for each cluster it concerns (either side).
package enum StateDiff {
    /// Changes from `old` to `new`; `old` nil is a first build: `previous` null, nothing changed.
    package static func diff(from old: SiteState?, to new: SiteState) -> StateChanges {
        let feeds = changedFeeds(from: old, to: new)
        guard let old else { return StateChanges(previous: nil, now: new.now, changes: [], feeds: feeds) }
        let context = DiffContext(old: old, new: new)
        let changes =
            componentChanges(context) + incidentChanges(context) + postmortemChanges(context)
            + maintenanceChanges(context)
        return StateChanges(
            previous: old.now, now: new.now, changes: changes.sorted(by: context.precedes), feeds: feeds)
    }

    /// The URLs of the feeds of `new` whose digest `old` does not record, in path order; nil
    /// when `new` records no feeds.
    package static func changedFeeds(from old: SiteState?, to new: SiteState) -> [String]? {
        guard let feeds = new.feeds else { return nil }
        let before = old?.feeds ?? [:]
        return feeds.keys.sorted().filter { before[$0] != feeds[$0] }.map { new.baseURL.url($0) }
    }

    private static func componentChanges(_ context: DiffContext) -> [Change] {
        context.new.components.compactMap { after in
            guard let before = context.oldComponents[after.key], before.status != after.status else {
                return nil
            }
            let incidentBehind = !before.incidents.isEmpty || !after.incidents.isEmpty
            let maintenanceBehind = !before.maintenance.isEmpty || !after.maintenance.isEmpty
            return Change(
                kind: .componentStatus,
                audience: !incidentBehind && maintenanceBehind ? .maintenance : .emergency,
                cluster: after.cluster, clusterName: after.clusterName,
                service: after.service, serviceName: after.serviceName,
                from: before.status, to: after.status,
                causes: after.incidents.map(context.incidentCause)
                    + after.maintenance.map(context.maintenanceCause))
        }
    }
}
