import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate

/// The site a command that writes content works on: where its folders are, what `site.yml` says
/// (as far as it can be read), and whether a changed file would still validate.
package struct AuthoringSite: Sendable {
    package let options: BuildOptions
    let fileSystem: any FileSystem
    /// The zone from `site.yml`, UTC when it cannot be read.
    package let timeZone: TimeZone
    /// Cluster ids with their names, in `site.yml` order; empty when it cannot be read.
    package let clusters: [(id: String, name: String)]
    /// Service id → name, for the messages `new` writes; empty when `site.yml` cannot be read.
    package let serviceNames: [String: String]
    /// What content files are checked against; nil when `site.yml` cannot be read.
    let catalog: Catalog?

    package init(options: BuildOptions, fileSystem: any FileSystem) {
        self.options = options
        self.fileSystem = fileSystem
        let path = joinPath(options.contentDirectory, "site.yml")
        guard let data = try? fileSystem.readFile(at: path), let text = SourceText.decode(data) else {
            timeZone = .gmt
            clusters = []
            serviceNames = [:]
            catalog = nil
            return
        }
        var parser = SiteConfigParser(
            file: ContentFile(path: "site.yml", kind: .site, text: text), baseURLOverride: nil)
        let output = parser.parse().0
        timeZone = output.timeZone
        catalog = output.catalog
        serviceNames = Dictionary(
            (output.config?.services ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        clusters =
            output.config?.clusters.map { ($0.id, $0.name) }
            ?? (output.catalog?.clusterIDs ?? []).map { ($0, $0) }
    }

    /// The folder files of `kind` live in.
    package func folder(for kind: ContentKind) -> String {
        joinPath(options.contentDirectory, kind.folder ?? "")
    }

    /// How diagnostics name a file at `path` (see `BuildOptions.displayRoot`).
    func displayPath(_ path: String) -> String {
        relativePath(of: path, to: options.displayRoot)
    }

    /// The problems the file at `path` would have if it held `data`, checked with the whole site
    /// (so references, clusters and slugs are checked too). Problems of other files are left out.
    package func diagnostics(ifFileAt path: String, held data: Data) throws -> [Diagnostic] {
        let overlay = OverlayFileSystem(base: fileSystem, overlay: [path: data])
        let result = try SiteBuilder.check(options, fileSystem: overlay)
        let display = displayPath(path)
        return result.diagnostics.filter { $0.location.path == display }
    }
}
