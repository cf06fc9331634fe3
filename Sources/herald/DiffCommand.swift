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

/// `herald diff OLD NEW`: what changed between two `state.json` files.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two state.json files and report what changed.",
        discussion: """
            Exit status: 0, or with --exit-code 0 when nothing changed and 1 when something did; \
            2 when a state file cannot be read or the options do not fit.
            With --format email, writes one RFC 5322 message per cluster and audience into --output \
            and prints the paths written, for CI to hand to sendmail.
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument {
        case text, markdown, json, email
    }

    enum AudienceOption: String, CaseIterable, ExpressibleByArgument {
        case emergency, maintenance

        var audience: Audience {
            switch self {
            case .emergency: .emergency
            case .maintenance: .maintenance
            }
        }
    }

    @Argument(help: "The previous state file.")
    var old: String

    @Argument(help: "The new state file.")
    var new: String

    @Option(help: "text, markdown, json or email.")
    var format: Format = .text

    @Flag(help: "Exit with 1 when anything changed, 0 otherwise.")
    var exitCode = false

    @Option(help: "Only changes for this audience (emergency or maintenance).")
    var audience: AudienceOption?

    @Option(help: "Only changes for this cluster id.")
    var cluster: String?

    @Option(help: "For --format email: the folder to write the .eml files into (created if needed).")
    var output: String?

    @Option(help: "For --format email: the From address. Default: the site title <status@ the site's host>.")
    var from: String?

    @Option(
        help: """
            For --format email: the To address; {cluster} and {audience} are replaced. \
            Default: undisclosed-recipients:; (give recipients to sendmail).
            """)
    var to: String?

    @Option(
        help: """
            For --format email: the site whose site.yml gives the lists' unsubscribe addresses \
            (`mail.unsubscribe`), read when it exists. Default: . (its Content/site.yml).
            """)
    var site: String?

    @Option(help: "For --format email: the content folder holding site.yml (default: <site>/Content).")
    var content: String?

    func run() throws {
        if format == .email && output == nil {
            throw Self.failure("--format email needs --output DIR")
        }
        let previous = try Self.readState(old)
        let current = try Self.readState(new)
        let changes = StateDiff.diff(from: previous, to: current)
            .filtered(audience: audience?.audience, cluster: cluster)
        switch format {
        case .text:
            Console.standardOutput.write(ChangeFormatter.text(changes))
        case .markdown:
            Console.standardOutput.write(ChangeFormatter.markdown(changes))
        case .json:
            FileHandle.standardOutput.write(ChangeFormatter.json(changes))
        case .email:
            try writeEmails(changes, state: current)
        }
        if exitCode && !changes.isEmpty {
            throw ExitCode(1)
        }
    }

    private func writeEmails(_ changes: StateChanges, state: SiteState) throws {
        let folder = URL(fileURLWithPath: output ?? ".", isDirectory: true)
        let messages = ChangeEmails.messages(
            changes, state: state, audience: audience?.audience, cluster: cluster,
            from: from ?? Self.defaultSender(state), to: to, lists: try mailLists())
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (fileName, message) in messages {
                let file = folder.appendingPathComponent(fileName)
                try Data(message.utf8).write(to: file, options: .atomic)
                printOutput(file.path)
            }
        } catch {
            throw Self.failure("cannot write to \(folder.path): \(error.localizedDescription)")
        }
    }

    /// `mail:` of the site's `site.yml`. No file is no lists, unless `--site` or `--content`
    /// named the folder; a file with errors exits 1 with them.
    private func mailLists() throws -> MailLists {
        let folder = content ?? joinPath(site ?? ".", "Content")
        let path = joinPath(folder, "site.yml")
        guard FileManager.default.fileExists(atPath: path) else {
            if site == nil && content == nil { return MailLists() }
            throw Self.failure(
                "cannot read \(path): no such file; --site and --content name the site's folders")
        }
        let text: String
        do {
            guard let decoded = SourceText.decode(try RegularFile.read(path)) else {
                throw Self.failure("cannot read \(path): it is not UTF-8 text")
            }
            text = decoded
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw Self.failure("cannot read \(path): \(error)")
        }
        var parser = SiteConfigParser(
            file: ContentFile(path: path, kind: .site, text: text), baseURLOverride: nil)
        let (output, diagnostics) = parser.parse()
        guard let config = output.config else {
            for diagnostic in diagnostics where diagnostic.severity == .error {
                printError(diagnostic.description)
            }
            throw ExitCode(1)
        }
        return config.mailLists
    }

    /// Reads and decodes a state file, or exits with status 2 naming the file and the problem.
    private static func readState(_ path: String) throws -> SiteState {
        let data: Data
        do {
            data = try RegularFile.read(path)
        } catch {
            throw failure("cannot read \(path): \(error); give a state.json file")
        }
        do {
            return try SiteState.decode(data)
        } catch {
            throw failure("\(path): \(error)")
        }
    }

    /// Prints `message` on standard error; the exit status 2 to throw.
    private static func failure(_ message: String) -> ExitCode {
        printError("herald: error: \(message)")
        return ExitCode(2)
    }

    /// `"Site title" <status@host>`, from the state's title and base URL.
    private static func defaultSender(_ state: SiteState) -> String {
        let address = "status@\(state.baseURL.host)"
        guard !state.title.isEmpty else { return address }
        let quoted = state.title.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(quoted)\" <\(address)>"
    }
}
