import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad

/// Prepared incidents and maintenance for `herald new --template NAME`: whole content files under
/// `Content/templates/incident/` and `Content/templates/maintenance/`, with placeholders
/// (`PlaceholderText`) for what changes each time.
package struct ItemTemplates: Sendable {
    /// Why a template could not be used.
    package enum Failure: Error, Sendable, CustomStringConvertible {
        case unknown(name: String, kind: String, known: [String])
        case postsHaveNone
        case unreadable(String)
        case placeholders([Diagnostic])

        package var description: String {
            switch self {
            case .unknown(let name, let kind, let known):
                "no \(kind) template `\(name)` in Content/templates/\(kind)/"
                    + (known.isEmpty
                        ? "; add one as Content/templates/\(kind)/\(name).md"
                        : "; the \(kind) templates are " + known.joined(separator: ", ")
                            + Suggestion.sentence(for: name, in: known))
            case .postsHaveNone: "--template is for incidents and maintenance"
            case .unreadable(let path): "cannot read \(path) as UTF-8 text"
            case .placeholders(let diagnostics):
                "the template has unknown placeholders, so nothing was written:\n"
                    + diagnostics.map(\.description).joined(separator: "\n")
            }
        }
    }

    /// One template found.
    package struct Entry: Sendable, Equatable {
        package var kind: NewItem.Kind
        package var name: String
        /// As diagnostics name it.
        package var path: String
    }

    /// Every placeholder a template may use, with what it becomes.
    package static let placeholders: [(name: String, meaning: String)] = [
        ("title", "the title given to `herald new` (quoted for YAML when it needs to be)"),
        ("cluster", "the first --cluster id"), ("cluster_name", "its name"),
        ("services", "the services as a YAML list, e.g. [inbound, webmail]"),
        ("service_names", "their names, e.g. Inbound mail, Webmail"),
        ("status", "--status (incidents; default partial-outage)"), ("now", "now, RFC 3339"),
        ("start", "the window's start (maintenance; --start)"), ("end", "the window's end (--end)"),
    ]

    let site: AuthoringSite

    package init(site: AuthoringSite) {
        self.site = site
    }

    private func folder(_ kind: NewItem.Kind) -> String {
        joinPath(site.options.contentDirectory, "templates/\(kind.rawValue)")
    }

    /// Every template of the site, incidents first, each kind by name.
    package func list() -> [Entry] {
        [NewItem.Kind.incident, .maintenance].flatMap { kind in
            let names = (try? site.fileSystem.contentsOfDirectory(at: folder(kind))) ?? []
            return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map {
                Entry(
                    kind: kind, name: String($0.dropLast(3)),
                    path: site.displayPath(joinPath(folder(kind), $0)))
            }
        }
    }

    /// The problems of every template: its unknown placeholders.
    package func diagnostics() -> [Diagnostic] {
        list().flatMap { entry -> [Diagnostic] in
            do {
                _ = try PlaceholderText(text: try text(of: entry), path: entry.path).filled(
                    Dictionary(uniqueKeysWithValues: Self.placeholders.map { ($0.name, "") }))
                return []
            } catch let unknown as PlaceholderText.Unknown {
                return unknown.diagnostics
            } catch {
                return [.error(at: SourceLocation(path: entry.path, line: 1, column: 1), "\(error)")]
            }
        }
    }

    /// Template `name` of the item's kind, filled in for `item`.
    func filled(_ name: String, for item: NewItem, clusters: [(id: String, name: String)]) throws -> String {
        guard item.kind != .post else { throw Failure.postsHaveNone }
        let entries = list().filter { $0.kind == item.kind }
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw Failure.unknown(name: name, kind: item.kind.rawValue, known: entries.map(\.name))
        }
        let template = PlaceholderText(text: try text(of: entry), path: entry.path)
        do {
            return try template.filled(values(for: item, clusters: clusters))
        } catch {
            throw Failure.placeholders(error.diagnostics)
        }
    }

    private func text(of entry: Entry) throws -> String {
        let path = joinPath(folder(entry.kind), entry.name + ".md")
        guard let data = try? site.fileSystem.readFile(at: path), let text = SourceText.decode(data) else {
            throw Failure.unreadable(entry.path)
        }
        return text
    }

    private func values(for item: NewItem, clusters: [(id: String, name: String)]) -> [String: String] {
        let cluster = clusters.first ?? (id: "", name: "")
        let services =
            item.services.isEmpty ? site.catalog?.servicesOfCluster[cluster.id] ?? [] : item.services
        return [
            "title": YAMLScalar.inline(item.title),
            "cluster": cluster.id, "cluster_name": cluster.name,
            "services": YAMLScalar.flowList(services),
            "service_names": services.map { site.serviceNames[$0] ?? $0 }.joined(separator: ", "),
            "status": item.status, "now": Timestamp.format(item.now),
            "start": Timestamp.format(item.window.start), "end": Timestamp.format(item.window.end),
        ]
    }
}
