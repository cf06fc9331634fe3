import Foundation
import HeraldCore
import HeraldLoad
import HeraldMarkdown
import Yams

/// Reads `site.yml` into a `SiteConfig` and the `Catalog` other files are checked against.
package struct SiteConfigParser {
    package static let keys = [
        "title", "description", "base_url", "language", "timezone", "blog", "feed_entries", "history_days",
        "stale_after", "markdown", "uptime", "embed", "api", "mail", "websub", "clusters", "services",
    ]
    package static let clusterKeys = ["id", "name", "description", "services", "since"]
    package static let serviceKeys = ["id", "name", "description", "since"]
    package static let uptimeKeys = [
        "major_outage", "partial_outage", "degraded_performance", "exclude_maintenance",
    ]

    package struct Output {
        /// nil when the file had errors.
        package var config: SiteConfig?
        /// As much as could be read, even from a file with errors; nil when nothing could.
        package var catalog: Catalog?
        /// For reading blog dates even when the config failed.
        package var timeZone: TimeZone
    }

    private var reader: YAMLReader
    private let file: ContentFile
    private let baseURLOverride: String?

    package init(file: ContentFile, baseURLOverride: String?) {
        self.file = file
        self.baseURLOverride = baseURLOverride
        self.reader = YAMLReader(path: file.path, yaml: file.text, firstLine: 1)
    }

    package mutating func parse() -> (Output, [Diagnostic]) {
        let start = reader.location(line: 1, column: 1)
        var baseURL: BaseURL?
        if let override = baseURLOverride {
            baseURL = BaseURL(override)
            if baseURL == nil {
                reader.error(
                    "--base-url `\(override)` is not an absolute http(s) URL such as https://status.example.com/",
                    at: start)
            }
        }
        guard let fields = reader.root(known: Self.keys, what: "site.yml", emptyLocation: start) else {
            return (Output(config: nil, catalog: nil, timeZone: .gmt), reader.diagnostics)
        }

        let title = reader.required(fields, "title", in: "site.yml").flatMap {
            reader.nonEmptyText($0, field: "title")
        }
        let description = fields["description"].flatMap { reader.text($0, field: "description") }
        let fileBaseURL =
            baseURLOverride == nil ? reader.required(fields, "base_url", in: "site.yml") : fields["base_url"]
        if let node = fileBaseURL, let text = reader.text(node, field: "base_url") {
            if let url = BaseURL(text) {
                if baseURLOverride == nil { baseURL = url }
            } else {
                reader.error(
                    "expected an absolute http(s) URL such as https://status.example.com/ for `base_url`, not `\(text)`",
                    at: node)
            }
        }
        var language = "en"
        if let node = fields["language"], let text = reader.text(node, field: "language") {
            if LanguageTag.isValid(text) {
                language = text
            } else {
                reader.error(
                    "`language` expects a BCP 47 language tag such as en or fr-CA, not `\(text)`", at: node)
            }
        }
        var timeZone = TimeZone.gmt
        if let node = fields["timezone"], let text = reader.text(node, field: "timezone") {
            if let zone = TimeZone(identifier: text) {
                timeZone = zone
            } else {
                reader.error(
                    "unknown time zone `\(text)`; use an IANA name such as America/Toronto or UTC", at: node)
            }
        }
        var blogTitle = "Blog"
        if let node = fields["blog"], let blog = reader.mapping(node, known: ["title"], what: "`blog`"),
            let titleNode = blog["title"], let text = reader.nonEmptyText(titleNode, field: "title")
        {
            blogTitle = text
        }
        let feedEntries =
            fields["feed_entries"].map { reader.integer($0, field: "feed_entries", in: 1...1000) } ?? 50
        let historyDays =
            fields["history_days"].map { reader.integer($0, field: "history_days", in: 1...3650) } ?? 90
        var staleAfter: TimeInterval?
        if let node = fields["stale_after"], let text = reader.text(node, field: "stale_after") {
            staleAfter = DurationText.seconds(text)
            if staleAfter == nil {
                reader.error(
                    "expected a duration such as 4h, 90m, 1h30m or 2d for `stale_after`, not `\(text)`",
                    at: node)
            }
        }
        var unsafeHTML = false
        if let node = fields["markdown"],
            let markdown = reader.mapping(node, known: ["unsafe_html"], what: "`markdown`"),
            let flag = markdown["unsafe_html"], let value = reader.bool(flag, field: "unsafe_html")
        {
            unsafeHTML = value
        }

        let uptime = fields["uptime"].map { parseUptime($0) } ?? .standard
        var embedWhiteLabel = false
        if let node = fields["embed"],
            let embed = reader.mapping(node, known: ["white_label"], what: "`embed`"),
            let flag = embed["white_label"], let value = reader.bool(flag, field: "white_label")
        {
            embedWhiteLabel = value
        }

        var namePattern: (pattern: ComponentNamePattern, location: SourceLocation)?
        if let node = fields["api"], let api = reader.mapping(node, known: ["component_name"], what: "`api`"),
            let nameNode = api["component_name"],
            let text = reader.nonEmptyText(nameNode, field: "component_name")
        {
            namePattern = (ComponentNamePattern(text), reader.location(of: nameNode))
            checkPlaceholders(
                text, field: "component_name", allowed: ComponentNamePattern.placeholders, at: nameNode)
        }

        let mailLists = fields["mail"].map { parseMail($0) } ?? MailLists()
        let hubs = fields["websub"].map { parseHubs($0) } ?? []

        let services = reader.required(fields, "services", in: "site.yml").flatMap {
            parseServices($0, timeZone: timeZone)
        }
        let serviceIDs = services?.map(\.id) ?? []
        let clusters = reader.required(fields, "clusters", in: "site.yml").flatMap {
            parseClusters($0, serviceIDs: serviceIDs, servicesKnown: services != nil, timeZone: timeZone)
        }

        var catalog: Catalog?
        if let clusters, services != nil {
            catalog = Catalog(
                clusterIDs: clusters.clusters.map(\.id),
                servicesOfCluster: Dictionary(
                    clusters.clusters.map { ($0.id, $0.serviceIDs) }, uniquingKeysWith: { first, _ in first }),
                serviceIDs: serviceIDs,
                clusterLocations: clusters.locations)
        }
        if let clusters, let services {
            checkUniqueNames(
                clusters: clusters.clusters, services: services,
                pattern: namePattern?.pattern ?? .standard, at: namePattern?.location ?? start)
        }
        var config: SiteConfig?
        if !reader.hasErrors, let title, let baseURL, let feedEntries, let historyDays, let clusters,
            let services
        {
            config = SiteConfig(
                title: title, description: description, baseURL: baseURL, language: language,
                timeZone: timeZone,
                blogTitle: blogTitle, feedEntries: feedEntries, historyDays: historyDays,
                unsafeHTML: unsafeHTML, staleAfter: staleAfter,
                clusters: clusters.clusters, services: services, uptime: uptime,
                embedWhiteLabel: embedWhiteLabel)
            if let namePattern { config?.componentNamePattern = namePattern.pattern }
            config?.mailLists = mailLists
            config?.websubHubs = hubs
        }
        return (Output(config: config, catalog: catalog, timeZone: timeZone), reader.diagnostics)
    }

    /// `uptime:`: the weight of each status and whether maintenance is left out; unset keys keep
    /// their defaults.
    private mutating func parseUptime(_ node: Node) -> UptimePolicy {
        var policy = UptimePolicy.standard
        guard let fields = reader.mapping(node, known: Self.uptimeKeys, what: "`uptime`") else {
            return policy
        }
        let weights: [(String, WritableKeyPath<UptimePolicy, Double>)] = [
            ("major_outage", \.majorOutage), ("partial_outage", \.partialOutage),
            ("degraded_performance", \.degradedPerformance),
        ]
        for (key, path) in weights {
            if let weight = fields[key], let value = reader.fraction(weight, field: key) {
                policy[keyPath: path] = value
            }
        }
        if let flag = fields["exclude_maintenance"],
            let value = reader.bool(flag, field: "exclude_maintenance")
        {
            policy.excludesMaintenance = value
        }
        return policy
    }

    private mutating func parseServices(_ node: Node, timeZone: TimeZone) -> [Service]? {
        guard let items = reader.list(node, field: "services") else { return nil }
        guard !items.isEmpty else {
            reader.error("`services` needs at least one service", at: node)
            return nil
        }
        var services: [Service] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let fields = reader.mapping(item, known: Self.serviceKeys, what: "a service") else {
                continue
            }
            let id = identifier(fields, what: "a service", seen: &seen)
            let name = reader.required(fields, "name", in: "a service").flatMap {
                reader.nonEmptyText($0, field: "name")
            }
            let description = fields["description"].flatMap { reader.text($0, field: "description") }
            let since = fields["since"].flatMap { reader.dateOrTime($0, field: "since", in: timeZone) }
            if let id, let name {
                services.append(Service(id: id, name: name, description: description, since: since))
            }
        }
        return services
    }

    private mutating func parseClusters(
        _ node: Node, serviceIDs: [String], servicesKnown: Bool, timeZone: TimeZone
    ) -> (clusters: [Cluster], locations: [String: SourceLocation])? {
        guard let items = reader.list(node, field: "clusters") else { return nil }
        guard !items.isEmpty else {
            reader.error("`clusters` needs at least one cluster", at: node)
            return nil
        }
        let knownServices = Set(serviceIDs)
        var clusters: [Cluster] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let fields = reader.mapping(item, known: Self.clusterKeys, what: "a cluster") else {
                continue
            }
            let id = identifier(fields, what: "a cluster", seen: &seen)
            let name = reader.required(fields, "name", in: "a cluster").flatMap {
                reader.nonEmptyText($0, field: "name")
            }
            let description = fields["description"].flatMap { reader.markdown($0, field: "description") }
            var members = serviceIDs
            if let servicesNode = fields["services"],
                let listed = reader.textList(servicesNode, field: "services")
            {
                members = []
                var seenMembers = Set<String>()
                for (service, serviceNode) in listed {
                    if servicesKnown && !knownServices.contains(service) {
                        reader.error(
                            "unknown service `\(service)`; `services` in site.yml declares "
                                + serviceIDs.map { "`\($0)`" }.joined(separator: ", ")
                                + Suggestion.sentence(for: service, in: serviceIDs),
                            at: serviceNode)
                    } else if !seenMembers.insert(service).inserted {
                        reader.error("service `\(service)` is listed twice", at: serviceNode)
                    } else {
                        members.append(service)
                    }
                }
                if listed.isEmpty {
                    reader.error(
                        "`services` needs at least one service; leave it out for all", at: servicesNode)
                }
            }
            let since = fields["since"].flatMap { reader.dateOrTime($0, field: "since", in: timeZone) }
            if let id, let name {
                clusters.append(
                    Cluster(id: id, name: name, description: description, serviceIDs: members, since: since))
            }
        }
        return (clusters, seen)
    }

    /// A cluster's or service's `id`: `[a-z0-9-]+` and unique among its kind.
    private mutating func identifier(_ fields: Fields, what: String, seen: inout [String: SourceLocation])
        -> String?
    {
        guard let node = reader.required(fields, "id", in: what),
            let id = reader.nonEmptyText(node, field: "id")
        else {
            return nil
        }
        guard id.utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }) else {
            reader.error("`id` may only hold lowercase letters, digits and dashes, not `\(id)`", at: node)
            return nil
        }
        let location = reader.location(of: node)
        if let first = seen[id] {
            reader.error("duplicate id `\(id)`; already used at line \(first.line)", at: location)
            return nil
        }
        seen[id] = location
        return id
    }

    /// `mail.unsubscribe.<audience>`: an http(s) URL or a mailto, with `{cluster}` and `{audience}`.
    private mutating func parseMail(_ node: Node) -> MailLists {
        var lists = MailLists()
        guard let mail = reader.mapping(node, known: ["unsubscribe"], what: "`mail`"),
            let unsubscribeNode = mail["unsubscribe"],
            let unsubscribe = reader.mapping(
                unsubscribeNode, known: ["emergency", "maintenance"], what: "`mail.unsubscribe`")
        else { return lists }
        for audience in ["emergency", "maintenance"] {
            guard let addressNode = unsubscribe[audience],
                let address = reader.nonEmptyText(addressNode, field: audience)
            else { continue }
            checkPlaceholders(address, field: audience, allowed: MailLists.placeholders, at: addressNode)
            guard MailLists.isSafeAddress(address) else {
                reader.error(
                    "`mail.unsubscribe.\(audience)` expects an https URL or a mailto: address without spaces, "
                        + "such as https://example.com/unsubscribe?list={cluster}-{audience}, not `\(address)`",
                    at: addressNode)
                continue
            }
            lists.unsubscribe[audience] = address
        }
        return lists
    }

    /// `websub.hubs`: a list of absolute http(s) URLs.
    private mutating func parseHubs(_ node: Node) -> [String] {
        guard let websub = reader.mapping(node, known: ["hubs"], what: "`websub`"),
            let hubsNode = reader.required(websub, "hubs", in: "`websub`"),
            let hubs = reader.textList(hubsNode, field: "hubs")
        else { return [] }
        return hubs.compactMap { hub, hubNode in
            guard BaseURL(hub) != nil, hub.utf8.allSatisfy({ (33...126).contains($0) }) else {
                reader.error(
                    "a WebSub hub must be an absolute http(s) URL such as https://pubsubhubbub.appspot.com/, "
                        + "not `\(hub)`", at: hubNode)
                return nil
            }
            return hub
        }
    }

    /// Every `{…}` in a pattern must be one of `allowed`.
    private mutating func checkPlaceholders(_ text: String, field: String, allowed: [String], at node: Node) {
        for match in text.matches(of: /\{[^{}]*\}/) {
            let word = String(match.output)
            guard !allowed.contains(word) else { continue }
            reader.error(
                "unknown placeholder `\(word)` in `\(field)`; it may use "
                    + allowed.map { "`\($0)`" }.joined(separator: " and ")
                    + Suggestion.sentence(for: word, in: allowed),
                at: node)
        }
    }

    /// Statuspage clients key components by name, so every group (a cluster's name) and every
    /// component (`api.component_name`) must have a name no other one has.
    private mutating func checkUniqueNames(
        clusters: [Cluster], services: [Service], pattern: ComponentNamePattern, at location: SourceLocation
    ) {
        let serviceNames = Dictionary(
            services.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var owners: [String: String] = [:]
        for cluster in clusters {
            let named =
                [(cluster.name, "cluster `\(cluster.id)`")]
                + cluster.serviceIDs.map { service in
                    (
                        pattern.name(cluster: cluster.name, service: serviceNames[service] ?? service),
                        "component `\(cluster.id)/\(service)`"
                    )
                }
            for (name, owner) in named {
                if let first = owners[name] {
                    reader.error(
                        "\(owner) and \(first) would both be named `\(name)` in the Statuspage API, "
                            + "whose clients tell components apart by name; give them different names, "
                            + "or set `api.component_name` to a pattern with `{cluster}` and `{service}`",
                        at: location)
                    return
                }
                owners[name] = owner
            }
        }
    }
}
