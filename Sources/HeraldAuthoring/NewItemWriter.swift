import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// `herald new`: picks a file name that is free, writes a new item there, and checks first that the
/// site would validate with it.
package struct NewItemWriter: Sendable {
    /// Why nothing was written.
    package enum Failure: Error, Sendable, CustomStringConvertible {
        /// The file would not validate (a bad `--cluster` or `--service`, say): its diagnostics.
        case invalid([Diagnostic])
        case noCluster
        /// `--template` could not be used.
        case template(ItemTemplates.Failure)

        package var description: String {
            switch self {
            case .invalid(let diagnostics):
                "the new file would not validate, so it was not written:\n"
                    + diagnostics.map(\.description).joined(separator: "\n")
            case .noCluster:
                "site.yml cannot be read, so there is no cluster to default to; give --cluster"
            case .template(let failure): failure.description
            }
        }
    }

    package let site: AuthoringSite
    let writer: any ContentFileWriter

    package init(site: AuthoringSite, writer: any ContentFileWriter) {
        self.site = site
        self.writer = writer
    }

    /// Writes the item and returns its path.
    package func write(_ item: NewItem) throws -> String {
        let (path, data) = try plan(item)
        let problems = try site.diagnostics(ifFileAt: path, held: data).filter { $0.severity == .error }
        guard problems.isEmpty else { throw Failure.invalid(problems) }
        try writer.createNewFile(at: path, contents: data)
        return path
    }

    /// The path and bytes `write` would write.
    func plan(_ item: NewItem) throws -> (path: String, data: Data) {
        let names = Dictionary(
            site.clusters.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var clusters = item.clusters.map { (id: $0, name: names[$0] ?? $0) }
        if clusters.isEmpty && item.kind != .post {
            guard let first = site.clusters.first else { throw Failure.noCluster }
            clusters = [first]
        }
        var text = NewItemText(item: item, clusters: clusters, serviceNames: site.serviceNames).text
        if let template = item.template {
            do {
                text = try ItemTemplates(site: site).filled(template, for: item, clusters: clusters)
            } catch let failure as ItemTemplates.Failure {
                throw Failure.template(failure)
            }
        }
        return (freePath(for: item), Data(text.utf8))
    }

    /// `<folder>/YYYY-MM-DD-<slug>.md`, or with `-2`, `-3`… when that is taken.
    func freePath(for item: NewItem) -> String {
        let folder = site.folder(for: item.kind.contentKind)
        let base = "\(Self.day(of: item.dated, in: site.timeZone))-\(Self.slug(for: item))"
        var name = base
        var counter = 2
        while site.fileSystem.fileExists(at: joinPath(folder, name + ".md")) {
            name = "\(base)-\(counter)"
            counter += 1
        }
        return joinPath(folder, name + ".md")
    }

    /// The title's slug, cut at a dash to at most 60 characters; the kind when the title has none.
    static func slug(for item: NewItem) -> String {
        var slug = Slug.make(from: item.title)
        if slug.count > 60 {
            slug = String(slug.prefix(60))
            if let dash = slug.lastIndex(of: "-") { slug = String(slug[..<dash]) }
        }
        return slug.isEmpty ? item.kind.rawValue : slug
    }

    /// `YYYY-MM-DD` of `date` in `zone`.
    static func day(of date: Date, in zone: TimeZone) -> String {
        let local = date.addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: date)))
        return String(Timestamp.format(local).prefix(10))
    }
}
