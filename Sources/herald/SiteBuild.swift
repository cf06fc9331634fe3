import Foundation
import HeraldAuthoring
import HeraldBuild
import HeraldChanges
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldRender
import HeraldValidate
import HeraldWrite

/// One build, render then publish: what `build` and `serve` share.
struct SiteBuild {
    enum Failure: Error {
        /// Content or template errors (exit status 1); nothing was written.
        case content([Diagnostic])
        /// A folder that cannot be read or written (exit status 2).
        case unusable(String)
    }

    /// With `useCache`, only pages and files whose inputs changed are rendered and written (see
    /// HeraldBuild's `BuildCache`); the output bytes are the same either way. `lock`: the output's
    /// lock, when the caller holds it for longer than this build. `warm`: the cache as the previous
    /// build of this process left it, and whether to return this build's (`SiteBuilder.Built.warm`).
    static func run(
        _ options: BuildOptions, useCache: Bool = true, lock: OutputLock? = nil, warm: WarmCache? = nil,
        keepsWarm: Bool = false
    ) throws(Failure) -> SiteBuilder.Built {
        do {
            return try SiteBuilder.build(
                options, fileSystem: LocalFileSystem(), useCache: useCache, lock: lock, warm: warm,
                keepsWarm: keepsWarm)
        } catch let errors as ContentErrors {
            throw .content(errors.diagnostics)
        } catch {
            throw .unusable("\(error)")
        }
    }

    /// `N errors; nothing was written`.
    static func errorCount(_ diagnostics: [Diagnostic], _ consequence: String) -> String {
        let count = diagnostics.filter { $0.severity == .error }.count
        return "herald: \(count) error\(count == 1 ? "" : "s"); \(consequence)"
    }
}
