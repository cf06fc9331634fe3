import HeraldCore

/// What a build knew about every cluster, service, incident and maintenance: `api/state.json`.
///
/// Two builds of the same input and `now` give the same value and the same bytes; arrays are in
/// site order (components) or a stable time-then-slug order (incidents, maintenance).
/// The next build diffs against it (`StateDiff`).
package struct SiteState: Codable, Hashable, Sendable {
    /// The format this version writes. Bumped only for changes older readers would misread;
    /// added keys keep the number (readers ignore unknown keys and default missing sections).
    package static let currentFormat = 1
    /// The oldest format this version reads.
    package static let oldestFormat = 1
    package var format: Int
    /// The Herald that wrote the state (`herald 0.3.0`), for bug reports; `StateDiff` ignores it.
    /// Empty when read from a state written before Herald recorded it.
    package var generator: String
    /// The instant the build was made "as of", RFC 3339 UTC.
    package var now: String
    /// `none`, `maintenance`, `minor`, `major` or `critical`.
    package var indicator: String
    /// The site's title (`site.yml` `title`), to name the site in messages.
    package var title: String
    /// The site's `base_url`; every `url` in the state is under it.
    package var baseURL: String
    /// Every cluster, in site order.
    package var clusters: [StateCluster]
    /// Every component, in site order.
    package var components: [StateComponent]
    /// Open incidents, newest start first.
    package var incidents: [StateIncident]
    /// Incidents resolved within `RecentWindow`, newest resolution first.
    package var resolvedIncidents: [StateResolvedIncident]
    /// Active and upcoming windows, and those ended or cancelled within `RecentWindow`;
    /// earliest start first.
    package var maintenance: [StateMaintenance]
    /// Every postmortem published by `now`, oldest first; nil when read from a state written before
    /// Herald recorded them.
    package var postmortems: [StatePostmortem]?

    package init(
        format: Int = SiteState.currentFormat, generator: String = "herald \(HeraldVersion.current)",
        now: String, indicator: String, title: String, baseURL: String,
        clusters: [StateCluster], components: [StateComponent], incidents: [StateIncident],
        resolvedIncidents: [StateResolvedIncident], maintenance: [StateMaintenance],
        postmortems: [StatePostmortem]? = []
    ) {
        self.postmortems = postmortems
        self.format = format
        self.generator = generator
        self.now = now
        self.indicator = indicator
        self.title = title
        self.baseURL = baseURL
        self.clusters = clusters
        self.components = components
        self.incidents = incidents
        self.resolvedIncidents = resolvedIncidents
        self.maintenance = maintenance
    }

    enum CodingKeys: String, CodingKey {
        case format, generator, now, indicator, title
        case baseURL = "base_url"
        case clusters, components, incidents
        case resolvedIncidents = "resolved_incidents"
        case maintenance, postmortems
    }

    /// Lists missing from a file read as empty, so sections added within a format stay readable.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        generator = try container.decodeIfPresent(String.self, forKey: .generator) ?? ""
        now = try container.decode(String.self, forKey: .now)
        indicator = try container.decode(String.self, forKey: .indicator)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
        baseURL = try container.decode(String.self, forKey: .baseURL)
        clusters = try container.decodeIfPresent([StateCluster].self, forKey: .clusters) ?? []
        components = try container.decodeIfPresent([StateComponent].self, forKey: .components) ?? []
        incidents = try container.decodeIfPresent([StateIncident].self, forKey: .incidents) ?? []
        resolvedIncidents =
            try container.decodeIfPresent([StateResolvedIncident].self, forKey: .resolvedIncidents) ?? []
        maintenance = try container.decodeIfPresent([StateMaintenance].self, forKey: .maintenance) ?? []
        postmortems = try container.decodeIfPresent([StatePostmortem].self, forKey: .postmortems)
    }
}
