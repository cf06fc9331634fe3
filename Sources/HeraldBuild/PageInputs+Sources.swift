import HeraldCore
import HeraldRender
import HeraldValidate

extension PageInputs.Sources {
    /// For each item of `snapshot` that is the item `site` was validated into (the snapshot as of
    /// `now` left it as it is), what made it: the key of its parse record, which covers its file
    /// and everything the parse reads (see `ParseMemo`), and the references assembling the site
    /// kept (it drops those to left-out drafts), the one way an item differs from its document.
    init(snapshot: Site, site: Site, documents: [StableHash: ParsedDocument]) {
        var keys:
            (incidents: [String: StableHash], maintenances: [String: StableHash], posts: [String: StableHash]) =
                ([:], [:], [:])
        for (key, document) in documents {
            switch document.item {
            case .incident(let incident): keys.incidents[incident.slug] = key
            case .maintenance(let maintenance): keys.maintenances[maintenance.slug] = key
            case .post(let post): keys.posts[post.slug] = key
            case nil: break
            }
        }
        self.init()
        incidents = Self.sources(
            snapshot.incidents, site.incidents, keys.incidents, slug: \.slug, references: \.related)
        maintenances = Self.sources(
            snapshot.maintenances, site.maintenances, keys.maintenances, slug: \.slug, references: \.related)
        posts = Self.sources(snapshot.posts, site.posts, keys.posts, slug: \.slug, references: \.incidents)
    }

    private static func sources<Item: Equatable>(
        _ snapshot: [Item], _ site: [Item], _ keys: [String: StableHash], slug: KeyPath<Item, String>,
        references: KeyPath<Item, [String]>
    ) -> [String: StableHash] {
        let validated = Dictionary(
            site.map { ($0[keyPath: slug], $0) }, uniquingKeysWith: { first, _ in first })
        var sources: [String: StableHash] = [:]
        for item in snapshot {
            let id = item[keyPath: slug]
            guard let key = keys[id], validated[id] == item else { continue }
            var hasher = StableHasher()
            hasher.combine(key)
            let kept = item[keyPath: references]
            hasher.combine(kept.count)
            for slug in kept { hasher.combine(slug) }
            sources[id] = hasher.finalize()
        }
        return sources
    }
}
