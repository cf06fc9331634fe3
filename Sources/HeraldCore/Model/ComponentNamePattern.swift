/// How a component is named where a name must identify it on its own, as in the Statuspage
/// API (`api.component_name` in `site.yml`): `{cluster}` and `{service}` stand for the
/// cluster's and the service's names. Clients that key components by name then see every
/// one of them.
package struct ComponentNamePattern: Hashable, Sendable, Encodable {
    package static let placeholders = ["{cluster}", "{service}"]
    package static let standard = ComponentNamePattern("{cluster} · {service}")

    package var text: String

    package init(_ text: String) { self.text = text }

    package func name(cluster: String, service: String) -> String {
        // One pass, so a cluster name holding `{service}` is not replaced again.
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let tail = rest[open...]
            if tail.hasPrefix("{cluster}") {
                result += cluster
                rest = tail.dropFirst("{cluster}".count)
            } else if tail.hasPrefix("{service}") {
                result += service
                rest = tail.dropFirst("{service}".count)
            } else {
                result += "{"
                rest = tail.dropFirst()
            }
        }
        return result + rest
    }
}

extension SiteConfig {
    /// The component's name in the Statuspage API: unique across the site (validation sees to it).
    package func apiName(of component: ComponentID) -> String {
        componentNamePattern.name(
            cluster: cluster(component.cluster)?.name ?? component.cluster,
            service: service(component.service)?.name ?? component.service)
    }
}
