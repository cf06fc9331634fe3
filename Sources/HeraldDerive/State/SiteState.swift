import Foundation
import HeraldCore

/// What a build knew about every cluster, service, incident and maintenance: `api/state.json`.
///
/// Two builds of the same input and `now` give the same value and the same bytes; arrays are in
/// site order (components) or a stable time-then-slug order (incidents, maintenance).
/// The next build diffs against it (`StateDiff`). Values are typed; `StateJSON` alone decides
/// how they are spelled in the file (times as RFC 3339 UTC, statuses as in content files).
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
    /// The instant the build was made "as of", in whole seconds.
    package var now: Date
    package var indicator: Indicator
    /// The site's title (`site.yml` `title`), to name the site in messages.
    package var title: String
    /// The site's `base_url`; every `url` in the state is under it.
    package var baseURL: BaseURL
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
    /// Output path → digest of each feed's bytes (Atom and JSON Feed), so the next build can
    /// tell which feeds changed and CI can ping WebSub hubs for those alone. Nil in a state
    /// written before Herald recorded it, and until the feeds are rendered.
    package var feeds: [String: String]?
    /// Every postmortem published by `now`, oldest first; nil when read from a state written before
    /// Herald recorded them.
    package var postmortems: [StatePostmortem]?

    package init(
        format: Int = SiteState.currentFormat, generator: String = "herald \(HeraldVersion.current)",
        now: Date, indicator: Indicator, title: String, baseURL: BaseURL,
        clusters: [StateCluster], components: [StateComponent], incidents: [StateIncident],
        resolvedIncidents: [StateResolvedIncident], maintenance: [StateMaintenance],
        postmortems: [StatePostmortem]? = []
    ) {
        self.postmortems = postmortems
        self.format = format
        self.generator = generator
        self.now = Timestamp.wholeSeconds(now)
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
        case maintenance, feeds, postmortems
    }

    /// Lists missing from a file read as empty, so sections added within a format stay readable.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        generator = try container.decodeIfPresent(String.self, forKey: .generator) ?? ""
        now = try container.decode(Date.self, forKey: .now)
        indicator = try container.decode(Indicator.self, forKey: .indicator)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
        baseURL = try container.decode(BaseURL.self, forKey: .baseURL)
        clusters = try container.decodeIfPresent([StateCluster].self, forKey: .clusters) ?? []
        components = try container.decodeIfPresent([StateComponent].self, forKey: .components) ?? []
        incidents = try container.decodeIfPresent([StateIncident].self, forKey: .incidents) ?? []
        resolvedIncidents =
            try container.decodeIfPresent([StateResolvedIncident].self, forKey: .resolvedIncidents) ?? []
        maintenance = try container.decodeIfPresent([StateMaintenance].self, forKey: .maintenance) ?? []
        feeds = try container.decodeIfPresent([String: String].self, forKey: .feeds)
        postmortems = try container.decodeIfPresent([StatePostmortem].self, forKey: .postmortems)
    }
}
