import Foundation
import HeraldKit

/// One build, render then publish: what `build` and `serve` share.
struct SiteBuild {
    struct Result {
        var rendered: SiteBuilder.Rendered
        /// Load, validate, derive and render.
        var renderTime: Duration
        /// Publishing into the output folder.
        var writeTime: Duration
    }

    enum Failure: Error {
        /// Content or template errors (exit status 1); nothing was written.
        case content([Diagnostic])
        /// A folder that cannot be read or written (exit status 2).
        case unusable(String)
    }

    static func run(_ options: BuildOptions) throws(Failure) -> Result {
        let clock = ContinuousClock()
        let started = clock.now
        let rendered: SiteBuilder.Rendered
        do {
            rendered = try SiteBuilder.render(options, fileSystem: LocalFileSystem())
        } catch let errors as ContentErrors {
            throw .content(errors.diagnostics)
        } catch {
            throw .unusable("\(error)")
        }
        let renderedAt = clock.now
        do {
            try OutputPublisher(outputDirectory: options.outputDirectory).publish(rendered.files)
        } catch {
            throw .unusable("\(error)")
        }
        return Result(rendered: rendered, renderTime: renderedAt - started, writeTime: clock.now - renderedAt)
    }

    /// `N errors; nothing was written`.
    static func errorCount(_ diagnostics: [Diagnostic], _ consequence: String) -> String {
        let count = diagnostics.filter { $0.severity == .error }.count
        return "herald: \(count) error\(count == 1 ? "" : "s"); \(consequence)"
    }
}

extension Duration {
    /// Whole milliseconds.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
