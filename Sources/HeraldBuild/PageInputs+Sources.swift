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
        // By the document's slug, which its item has: binding the item would copy it out.
        for (key, document) in documents {
            guard let slug = document.slug else { continue }
            switch document.item {
            case .incident: keys.incidents[slug] = key
            case .maintenance: keys.maintenances[slug] = key
            case .post: keys.posts[slug] = key
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

    /// `snapshot` keeps `site`'s order and only leaves items out, so each of its items is found
    /// by walking both lists together (a table of every validated item was most of this).
    private static func sources<Item: Equatable>(
        _ snapshot: [Item], _ site: [Item], _ keys: [String: StableHash], slug: KeyPath<Item, String>,
        references: KeyPath<Item, [String]>
    ) -> [String: StableHash] {
        var sources: [String: StableHash] = [:]
        sources.reserveCapacity(snapshot.count)
        var next = site.startIndex
        for item in snapshot {
            let id = item[keyPath: slug]
            while next < site.endIndex, site[next][keyPath: slug] != id { next += 1 }
            guard next < site.endIndex else { break }
            defer { next += 1 }
            guard let key = keys[id], site[next] == item else { continue }
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
