import ArgumentParser
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

/// Where a site's content is and as of when: the options of every command that reads content.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "Root holding Content/ and Templates/.")
    var site: String = "."

    @Option(name: .long, help: "Content folder (default: <site>/Content).")
    var content: String?

    @Option(
        name: .long,
        help: """
            The instant to work as of, RFC 3339 or @SECONDS (default: SOURCE_DATE_EPOCH, else now): \
            build, check and serve show the site as of it; new and update write it into the file.
            """)
    var now: String?

    /// Checked while the arguments are parsed, so a bad `--now` is reported with the usage of
    /// the command it was given to.
    func validate() throws {
        if let now, Timestamp.parseNow(now) == nil { throw ValidationError(Self.badNow) }
    }

    static let badNow = "--now must be RFC 3339 with an offset (2025-10-06T19:00:00Z) or @SECONDS"

    /// Resolves `--now`, then `SOURCE_DATE_EPOCH`, then the clock.
    func resolvedNow(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
        if let now {
            guard let date = Timestamp.parseNow(now) else {
                throw ValidationError(Self.badNow)
            }
            return date
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch) else {
                throw ValidationError("SOURCE_DATE_EPOCH must be whole seconds")
            }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    /// The site's folders, as of `resolvedNow()`.
    func buildOptions() throws -> BuildOptions {
        BuildOptions(siteRoot: site, contentDirectory: content, now: try resolvedNow())
    }
}

/// Options shared by `build`, `check` and `serve` (SPEC §2).
struct SiteOptions: ParsableArguments {
    @OptionGroup var location: ContentOptions

    @Option(name: .long, help: "Templates folder (default: <site>/Templates).")
    var templates: String?

    @Option(name: .long, help: "Output folder (default: <site>/Output).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Override site.yml base_url, e.g. for preview deploys.")
    var baseURL: String?

    @Flag(name: .long, help: "Include content marked draft: true.")
    var drafts = false

    func resolvedNow() throws -> Date { try location.resolvedNow() }

    func buildOptions(
        previousState: String? = nil, now: Date? = nil, foreignFiles: ForeignFilePolicy = .refuse
    ) throws -> BuildOptions {
        BuildOptions(
            siteRoot: location.site, contentDirectory: location.content, templatesDirectory: templates,
            outputDirectory: output, baseURL: baseURL, now: try now ?? resolvedNow(), includeDrafts: drafts,
            previousState: previousState, foreignFiles: foreignFiles)
    }
}

/// What a command that writes the output folder may do with files there that Herald did not write.
struct OutputOptions: ParsableArguments {
    @Flag(
        name: .long,
        help: "Take over an output folder holding files Herald did not write, keeping those files.")
    var force = false

    @Flag(
        name: .long,
        help: "Take over an output folder holding files Herald did not write, removing those files.")
    var clean = false

    func validate() throws {
        if force && clean { throw ValidationError("--force and --clean cannot be used together") }
    }

    var policy: ForeignFilePolicy { clean ? .remove : force ? .keep : .refuse }
}

/// Prints a line to standard error, control characters escaped.
func printError(_ text: String) {
    Console.standardError.line(text)
}

/// Prints a line to standard output, control characters escaped.
func printOutput(_ text: String) {
    Console.standardOutput.line(text)
}

/// Runs a command's work: a `Refusal` (content that would not validate, a folder not empty…) is
/// printed and exits 1; any other error (a file that cannot be read or written) is printed and exits 2.
func exitingOnFailure<Refusal: Error, Value>(refusing _: Refusal.Type, _ work: () throws -> Value) throws
    -> Value
{
    do {
        return try work()
    } catch let refusal as Refusal {
        printError("herald: \(refusal)")
        throw ExitCode(1)
    } catch {
        printError("herald: \(error)")
        throw ExitCode(2)
    }
}
