import Foundation
import HeraldCore

/// The content as it was known at an instant, so a build "as of" a past `now` never shows the future.
package enum SiteSnapshot {
    /// Returns `site` as it stood at `now`:
    /// - incidents that start after `now` are dropped, and so are references to them
    ///   (`related` of incidents and maintenance, `incidents` of posts);
    /// - updates after `now` are dropped (incidents and maintenance); an update exactly at `now` is kept;
    /// - a `resolved` time after `now` becomes nil (the incident is still ongoing); an incident with no
    ///   `resolved` time but a kept `resolved` update ends at that update (SPEC §3.2: either one resolves),
    ///   unless a kept update reopened it after that;
    /// - a postmortem is dropped while its `published` is after `now` (or the incident is open then);
    /// - an impact that was derived, not declared, is derived again from the updates kept;
    /// - posts dated after `now` are dropped (as Hugo does by default);
    /// - every maintenance is kept, since windows are announced ahead of time; reschedules after `now`
    ///   are dropped, and a recurring window's `start` and `end` become those of its occurrence
    ///   running at `now`, else its next one, else its last one (`recurrence.first` keeps the
    ///   window as written).
    ///
    /// Order of incidents, maintenance, posts and updates is preserved. Applying it twice changes nothing.
    package static func asOf(_ site: Site, now: Date) -> Site {
        var dropped = Set<String>()
        var incidents: [Incident] = []
        incidents.reserveCapacity(site.incidents.count)
        for incident in site.incidents {
            if incident.started > now {
                dropped.insert(incident.slug)
            } else {
                incidents.append(incident)
            }
        }

        func keep(_ slugs: [String]) -> [String] {
            dropped.isEmpty ? slugs : slugs.filter { !dropped.contains($0) }
        }

        for index in incidents.indices {
            var incident = incidents[index]
            if incident.updates.contains(where: { $0.at > now }) {
                incident.updates.removeAll { $0.at > now }
            }
            if let resolved = incident.resolved, resolved > now {
                incident.resolved = nil
            }
            if incident.resolved == nil {
                incident.resolved = Incident.resolution(of: incident.updates)
            }
            if let postmortem = incident.postmortem, postmortem.published > now || incident.resolved == nil {
                incident.postmortem = nil
            }
            if !incident.impactIsDeclared {
                incident.impact = Incident.derivedImpact(
                    affected: incident.affected, updates: incident.updates)
            }
            if !dropped.isEmpty { incident.related = keep(incident.related) }
            incidents[index] = incident
        }

        let maintenances = site.maintenances.map { maintenance in
            var maintenance = maintenance
            if maintenance.updates.contains(where: { $0.at > now }) {
                maintenance.updates.removeAll { $0.at > now }
            }
            if maintenance.reschedules.contains(where: { $0.at > now }) {
                maintenance.reschedules.removeAll { $0.at > now }
            }
            if let current = maintenance.recurrence?.current(at: now) {
                maintenance.start = current.start
                maintenance.end = current.end
            }
            maintenance.related = keep(maintenance.related)
            return maintenance
        }

        let posts = site.posts.compactMap { post -> Post? in
            guard post.date <= now else { return nil }
            var post = post
            post.incidents = keep(post.incidents)
            return post
        }

        return Site(config: site.config, incidents: incidents, maintenances: maintenances, posts: posts)
    }
}
