import Foundation
import HeraldCore

extension StateDiff {
    static func maintenanceChanges(_ context: DiffContext) -> [Change] {
        var changes: [Change] = []
        for after in context.new.maintenance {
            let before = context.oldMaintenance[after.slug]
            if let before, let kinds = nextOccurrence(from: before, to: after, now: context.new.now) {
                changes += kinds.flatMap { kind, window in
                    after.clusters.map {
                        context.maintenanceChange(kind, cluster: $0, window: window, previousWindow: nil)
                    }
                }
                continue
            }
            guard let kind = transition(from: before, to: after) else { continue }
            let rescheduled = kind == .maintenanceRescheduled
            changes += context.union(before?.clusters ?? [], after.clusters).map { cluster in
                context.maintenanceChange(
                    kind, cluster: cluster, window: after, previousWindow: rescheduled ? before?.window : nil)
            }
        }
        for before in context.old.maintenance where context.newMaintenance[before.slug] == nil {
            guard let kind = disappearance(of: before, now: context.new.now) else { continue }
            changes += before.clusters.map { cluster in
                context.maintenanceChange(kind, cluster: cluster, window: before, previousWindow: nil)
            }
        }
        return changes
    }

    /// A recurring window whose rule is unchanged but whose occurrence moved on: the one the old
    /// state showed has ended (completed, even if no build saw it running), and the new one may
    /// be running already (started). Nil when this is not such a move.
    private static func nextOccurrence(
        from before: StateMaintenance, to after: StateMaintenance, now: Date
    ) -> [(ChangeKind, StateMaintenance)]? {
        guard let rule = after.recurrence, before.recurrence == rule, !after.cancelled,
            before.window != after.window, before.window.end <= now
        else { return nil }
        var kinds: [(ChangeKind, StateMaintenance)] = [(.maintenanceCompleted, before)]
        if after.status == .active {
            kinds.append((.maintenanceStarted, after))
        }
        return kinds
    }

    /// How a window listed in the new state changed since the old one, if it did in a way worth telling.
    private static func transition(from before: StateMaintenance?, to after: StateMaintenance) -> ChangeKind?
    {
        guard let before else {
            // New to the state: only announce what is still ahead or under way.
            switch after.status {
            case .upcoming: return .maintenanceScheduled
            case .active: return .maintenanceStarted
            case .completed, .cancelled: return nil
            }
        }
        if after.cancelled && !before.cancelled { return .maintenanceCancelled }
        if after.status == before.status {
            let open = after.status == .upcoming || after.status == .active
            return open && after.window != before.window ? .maintenanceRescheduled : nil
        }
        switch after.status {
        case .active: return .maintenanceStarted
        case .completed: return .maintenanceCompleted
        case .cancelled: return .maintenanceCancelled
        case .upcoming: return before.status == .active ? .maintenanceRescheduled : .maintenanceScheduled
        }
    }

    /// A window that left the state: an active one completed; an upcoming one completed if its
    /// end has passed (it ran and aged out), else it was called off (its file removed).
    private static func disappearance(of before: StateMaintenance, now: Date) -> ChangeKind? {
        switch before.status {
        case .active: return .maintenanceCompleted
        case .upcoming: return before.window.end <= now ? .maintenanceCompleted : .maintenanceCancelled
        case .completed, .cancelled: return nil
        }
    }
}

extension DiffContext {
    fileprivate func maintenanceChange(
        _ kind: ChangeKind, cluster: String, window: StateMaintenance, previousWindow: StateWindow?
    ) -> Change {
        Change(
            kind: kind, audience: .maintenance, cluster: cluster, clusterName: clusterName(cluster),
            maintenance: window.slug, title: window.title, url: window.url, status: window.status.rawValue,
            update: window.latestUpdate, window: window.window, previousWindow: previousWindow)
    }
}
