import ArgumentParser
import Foundation
import HeraldAuthoring
import HeraldCore

/// `herald postmortem SLUG`: adds a postmortem to a resolved incident.
struct PostmortemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postmortem",
        abstract: "Add a postmortem to a resolved incident.",
        discussion: """
            Adds `postmortem:` (`published` and a Markdown `body`) to the incident's front matter; only lines \
            are added. Without --body the body is Content/templates/postmortem.md (or the built-in template): \
            summary, impact and timeline filled in from the incident, then root cause and what we are \
            changing to complete. The page, feeds and API show it from `published` on, and the next build \
            reports it once as "postmortem published".
            """)

    @Argument(
        help: "The incident's slug (file name without .md, or its `slug:`); the date prefix may be left out.")
    var slug: String

    @Option(
        name: .long,
        help: "The postmortem's Markdown, or - to read it from standard input (default: the template).")
    var body: String?

    @Option(
        name: .customLong("publish-at"),
        help: "When it goes public, RFC 3339 (default: now); until then outputs leave it out.")
    var publishAt: String?

    @OptionGroup var location: ContentOptions

    func run() throws {
        let now = try location.resolvedNow()
        var published = now
        if let publishAt {
            guard let date = Timestamp.parse(publishAt) else {
                throw ValidationError(
                    "--publish-at must be RFC 3339 with an offset, such as 2025-10-09T15:00:00Z")
            }
            published = date
        }
        let text = try body.map { $0 == "-" ? try UpdateCommand.standardInput() : $0 }
        let site = AuthoringSite(options: try location.buildOptions(), fileSystem: LocalFileSystem())
        let outcome = try exitingOnFailure(refusing: UpdateFailure.self) {
            try PostmortemWriter(site: site, writer: LocalFileSystem())
                .write(.init(slug: slug, body: text, published: published, now: now))
        }
        printOutput(
            "\(outcome.path): added a postmortem, "
                + (outcome.published > now
                    ? "to be published \(Timestamp.format(outcome.published))" : "published"))
        if outcome.fromTemplate {
            printOutput("  from the template: complete its root cause and what we are changing")
        }
    }
}
