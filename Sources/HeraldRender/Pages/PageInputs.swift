import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Hashes of what the incident, maintenance and post pages read, so that one whose inputs are
/// those of the page in the current output is known to be unchanged without building its view
/// model (see `PageJob.reads`). At 10,000 incidents, building, walking and hashing every event
/// page's view model was the largest part of a one-file edit's rendering.
///
/// Each item's digest covers its value as this build renders it (the snapshot as of `now`: what
/// it was made from when that alone determines it, see `Sources`, else `CompactBinary`'s encoding
/// of its synthesized `Codable`, so a field added later counts too), which also determines its
/// rendered Markdown (`ContentRenderer`), and what the derived status
/// says of it as pages show it: an incident's phase and affected components, a window's state,
/// and `now` for a recurring window, whose occurrences move with it. `PageInputKeyTests` checks,
/// over many instants and edits of the example site, that equal input keys always come with
/// equal view models.
package struct PageInputs: Sendable {
    /// What a page reads besides the site: one item, by slug; or what else it shows, spelled
    /// out (which page of a list it is).
    enum Part {
        case incident(String)
        case maintenance(String)
        case post(String)
        case shown(String)
    }

    private struct Digests {
        var site: StableHash
        var incidents: [String: StableHash]
        var maintenances: [String: StableHash]
        var posts: [String: StableHash]
    }

    /// Nil when some value could not be encoded: then no page has an input key.
    private let digests: Digests?

    /// Per item, by slug, a hash of what its value was made from when that alone determines it
    /// (HeraldBuild's `init(snapshot:site:documents:)`: the parse record's key and the references
    /// kept). It stands for the item's encoding in its digest: encoding every incident on every
    /// build was 5–9 % of a `serve` rebuild at 10,000 incidents.
    package struct Sources: Sendable {
        package var incidents: [String: StableHash] = [:]
        package var maintenances: [String: StableHash] = [:]
        package var posts: [String: StableHash] = [:]

        package init() {}
    }

    /// The digests of `site` (the snapshot as of `status.now`) as pages and feeds show it.
    package init(site: Site, status: SiteStatus, templates: TemplateSet, sources: Sources) {
        var hasher = StableHasher()
        hasher.combine("herald-page-inputs 1")
        hasher.combine(CacheVersion.current)
        hasher.combine(templates.fingerprint)
        guard Self.combine(encoding: site.config, into: &hasher),
            let incidents = Self.digests(
                site.incidents, slug: \.slug, sources: sources.incidents,
                derived: { incident, hasher in
                    let ongoing = status.activeIncidents.contains(incident.slug)
                    let history =
                        status.incidentHistories[incident.slug] ?? incident.affectedHistory(asOf: status.now)
                    hasher.combine(status.phase(of: incident).rawValue)
                    hasher.combine(ongoing ? 1 : 0)
                    Self.combine(history, now: status.now, into: &hasher)
                    return true
                }),
            let maintenances = Self.digests(
                site.maintenances, slug: \.slug, sources: sources.maintenances,
                derived: { maintenance, hasher in
                    hasher.combine(status.state(of: maintenance).rawValue)
                    if maintenance.recurrence != nil { hasher.combine(Timestamp.format(status.now)) }
                    return true
                }),
            let posts = Self.digests(
                site.posts, slug: \.slug, sources: sources.posts, derived: { _, _ in true })
        else {
            digests = nil
            return
        }
        digests = Digests(
            site: hasher.finalize(), incidents: incidents, maintenances: maintenances, posts: posts)
    }

    /// The key of a page that declares what it reads (`PageJob.reads`); nil for one that does
    /// not, or when the digests could not be made.
    func key(of job: PageJob) -> StableHash? {
        job.reads.flatMap { key(path: job.path, template: job.template, reading: $0) }
    }

    /// The key of a feed at `path` that lists `entries`, newest first, and says `updated` when
    /// it lists none (`AtomFeeds`); nil when the digests could not be made. A feed entry shows
    /// what its item's page shows of it, which the item's digest covers.
    func feedKey(path: String, updated: Date, entries: [Part]) -> StableHash? {
        key(path: path, template: "feed \(updated.timeIntervalSince1970.bitPattern)", reading: entries)
    }

    /// The key of a page at `path` from `template` that reads the site and `parts`.
    private func key(path: String, template: String, reading parts: [Part]) -> StableHash? {
        guard let digests else { return nil }
        var hasher = StableHasher()
        hasher.combine(digests.site)
        hasher.combine(path)
        hasher.combine(template)
        hasher.combine(parts.count)
        for part in parts {
            let (tag, slug, digest): (UInt8, String, StableHash?) =
                switch part {
                case .incident(let slug): (1, slug, digests.incidents[slug])
                case .maintenance(let slug): (2, slug, digests.maintenances[slug])
                case .post(let slug): (3, slug, digests.posts[slug])
                case .shown(let text): (4, text, Self.shown)
                }
            hasher.combine(tag)
            hasher.combine(slug)
            // A slug this build does not have (a left-out draft, an item dated after `now`).
            hasher.combine(digest ?? Self.missing)
        }
        return hasher.finalize()
    }

    private static let missing = StableHash.of("missing")
    private static let shown = StableHash.of("shown")

    /// Each item's digest by slug, in parallel: its source, else its encoding, then what
    /// `derived` adds; nil if any item or its derived part cannot be encoded.
    private static func digests<Item: Encodable & Sendable>(
        _ items: [Item], slug: KeyPath<Item, String> & Sendable, sources: [String: StableHash],
        derived: @Sendable (Item, inout StableHasher) -> Bool
    ) -> [String: StableHash]? {
        let pairs = ParallelMap.map(items) { item -> (String, StableHash)? in
            var hasher = StableHasher()
            if let source = sources[item[keyPath: slug]] {
                hasher.combine(UInt8(1))
                hasher.combine(source)
            } else {
                hasher.combine(UInt8(0))
                guard combine(encoding: item, into: &hasher) else { return nil }
            }
            guard derived(item, &hasher) else { return nil }
            return (item[keyPath: slug], hasher.finalize())
        }
        var digests: [String: StableHash] = [:]
        digests.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let (slug, digest) = pair else { return nil }
            digests[slug] = digests[slug] ?? digest
        }
        return digests
    }

    /// What pages show of the components an incident affected (`AffectedText`): not the
    /// impaired time up to `now`, which grows with every build while a component is impaired,
    /// but the time before its current stretch and when that began, which pages say instead.
    private static func combine(_ history: [AffectedComponent], now: Date, into hasher: inout StableHasher) {
        hasher.combine(history.count)
        for affected in history {
            hasher.combine(affected.component.description)
            hasher.combine(affected.worst.rawValue)
            hasher.combine(affected.current.rawValue)
            hasher.combine(affected.impairedSince.map(Timestamp.format) ?? "")
            hasher.combine(Int(affected.impairedBefore(now).bitPattern))
        }
    }

    private static func combine(encoding value: some Encodable, into hasher: inout StableHasher) -> Bool {
        guard let bytes = try? CompactBinary.encode(value) else { return false }
        hasher.combine(bytes)
        return true
    }
}
