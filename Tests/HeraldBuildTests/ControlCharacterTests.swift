import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

/// Control characters in titles, names and Markdown: refused where they cannot belong, replaced in
/// Markdown, and never printed raw on a terminal.
struct ControlCharacterTests {
    /// ESC, OSC, BEL, CR, LF, VT, NUL, DEL and C1 (NEL, CSI): what a hostile title would hold.
    static let hostile = "Evil\u{1B}]0;pwned\u{07}\nFAKE: line\r\u{0B}\u{00}\u{7F}\u{85}\u{9B}2J end"

    @Test func theRuleCoversC0DelAndC1() {
        let controls = (0...0x9F).compactMap(Unicode.Scalar.init).filter(ControlCharacters.isControl)
        #expect(controls.map(\.value) == Array(0...0x1F) + Array(0x7F...0x9F))
        #expect(!ControlCharacters.isStray("\t") && !ControlCharacters.isStray("\n"))
        #expect(ControlCharacters.isStray("\r") && ControlCharacters.isStray("\u{85}"))
        #expect(ControlCharacters.firstStray(in: "café\tok\n") == nil)
        #expect(
            ControlCharacters.replacingStray(in: "a\u{0B}b\u{9B}c\td\u{00A0}")
                == "a\u{FFFD}b\u{FFFD}c\td\u{00A0}")
    }

    @Test func terminalTextShowsEveryControlCharacterAsHex() {
        #expect(
            TerminalText.escaped(Self.hostile)
                == "Evil\\x1B]0;pwned\\x07\\x0AFAKE: line\\x0D\\x0B\\x00\\x7F\\x85\\x9B2J end")
        #expect(
            TerminalText.escaped("one\ttwo\nthree\u{1B}", keepingLineBreaks: true) == "one\ttwo\nthree\\x1B")
        #expect(TerminalText.escaped("plain café") == "plain café")
    }

    @Test func markdownSourceLosesStrayControlCharacters() {
        let text = MarkdownText(
            "a\u{0B}b\u{1B}[2J\u{7F}\u{85}\t\n", at: HeraldCore.SourceLocation(path: "x", line: 1, column: 1))
        #expect(text.source == "a\u{FFFD}b\u{FFFD}[2J\u{FFFD}\u{FFFD}\t\n")
    }
}

/// The same, through the built binary.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct ControlCharacterCommandTests {
    // MARK: Terminal

    @Test func diffTextAndMarkdownShowHostileTitlesEscaped() throws {
        let (site, old, new) = try Self.statesWithHostileText()
        // Markdown also backslash-escapes the `]`.
        for (format, shown) in [("text", "Evil\\x1B]0;"), ("markdown", "Evil\\x1B\\]0;")] {
            let result = try HeraldProcess.run(["diff", old, new, "--format", format], in: site)
            #expect(result.status == 0, "\(result.standardError)")
            Self.expectNoRawControls(result)
            #expect(
                result.standardOutput.contains(
                    shown + "pwned\\x07\\x0AFAKE: line\\x0D\\x0B\\x00\\x7F\\x85\\x9B2J"))
            // No line of the output starts with the title's second line: it cannot fake one.
            #expect(!result.standardOutput.split(separator: "\n").contains { $0.hasPrefix("FAKE") })
        }
        let markdown = try HeraldProcess.run(["diff", old, new, "--format", "markdown"], in: site)
        // Every line of a list item is the item or its quote: the title stays inside.
        for line in markdown.standardOutput.split(separator: "\n") where line.contains("Evil") {
            #expect(line.hasPrefix("- **") || line.hasPrefix("## "), "\(line)")
        }
        #expect(markdown.standardOutput.contains("  > line1\\x1B[2J\n  > line2\\x0B\\x85\n"))
    }

    @Test func buildSummaryShowsAHostilePreviousStateEscaped() throws {
        let (site, _, new) = try Self.statesWithHostileText()
        // As of before the incident, it is resolved relative to the (hostile) previous state.
        let result = try HeraldProcess.run(
            ["build", "--now", "2025-10-01T00:00:00Z", "--previous", new], in: site)
        #expect(result.status == 0, "\(result.standardError)")
        Self.expectNoRawControls(result)
        #expect(result.standardOutput.contains("incident resolved: Evil\\x1B]0;pwned\\x07\\x0AFAKE"))
    }

    @Test func diagnosticsShowAHostileFileNameEscaped() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let name = "2025-10-06-evil\u{1B}]0;pwned\u{07}\u{9B}2J.md"
        try FileManager.default.copyItem(
            atPath: "\(site)/Content/incidents/2025-10-06-cluster-a-email.md",
            toPath: "\(site)/Content/incidents/\(name)")
        for command in ["check", "build"] {
            let result = try HeraldProcess.run([command, "--now", "2025-10-06T19:00:00Z"], in: site)
            #expect(result.status == 1)
            Self.expectNoRawControls(result)
            #expect(
                (result.standardOutput + result.standardError).contains(
                    "Content/incidents/2025-10-06-evil\\x1B]0;pwned\\x07\\x9B2J.md:1:1: error:"))
        }
    }

    // MARK: Titles and names

    @Test func controlCharactersInTitlesAndNamesAreErrorsAtTheirValue() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        try Self.edit(site, "Content/site.yml") {
            $0.replacingOccurrences(of: "    name: Cluster A\n", with: "    name: \"Cluster \\0A\"\n")
                .replacingOccurrences(of: "title: Example Mail Status", with: "title: \"Example\\x85Status\"")
        }
        try Self.edit(site, "Content/incidents/2025-10-06-cluster-a-email.md") {
            $0.replacingOccurrences(
                of: "title: Cluster A email service issues", with: "title: \"Cluster A\\v\""
            )
            .replacingOccurrences(
                of: "  - q: Which resellers are affected?", with: "  - q: \"Which resellers\\e[2J?\"")
        }
        try Self.edit(site, "Content/maintenance/2025-10-15-cluster-b-storage-upgrade.md") {
            $0.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: \"\\x7F\" # ")
        }
        try Self.edit(site, "Content/blog/2025-10-06-cluster-a-questions-and-answers.md") {
            $0.replacingOccurrences(
                of: "tags: [email, cluster-a, incident]", with: "tags: [email, \"x\\x1B\"]")
        }
        let check = try HeraldProcess.run(["check", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(check.status == 1)
        let lines = check.standardOutput.split(separator: "\n").map(String.init)
        func expectError(_ prefix: String, _ field: String, _ codePoint: String) {
            let message =
                "error: `\(field)` contains the control character \(codePoint), which pages and terminals "
                + "would show raw; remove it (tab and line feed are the only control characters text may hold)"
            #expect(lines.contains { $0.hasPrefix(prefix) && $0.hasSuffix(message) }, "\(prefix) \(field)")
        }
        expectError("Content/site.yml:9:8: ", "title", "U+0085")
        expectError("Content/site.yml:45:11: ", "name", "U+0000")
        expectError("Content/incidents/2025-10-06-cluster-a-email.md:2:8: ", "title", "U+000B")
        expectError("Content/incidents/2025-10-06-cluster-a-email.md:", "q", "U+001B")
        expectError("Content/maintenance/2025-10-15-cluster-b-storage-upgrade.md:", "title", "U+007F")
        expectError("Content/blog/2025-10-06-cluster-a-questions-and-answers.md:6:15: ", "tags", "U+001B")
        let build = try HeraldProcess.run(["build", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(build.status == 1)
        #expect(build.standardError.contains("Content/site.yml:45:11: error: `name` contains the control"))
        #expect(!FileManager.default.fileExists(atPath: "\(site)/Output"))
    }

    @Test func aRawControlCharacterInYAMLIsAnErrorWhereItIs() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        try Self.edit(site, "Content/incidents/2025-10-06-cluster-a-email.md") {
            $0.replacingOccurrences(of: "title: Cluster A email", with: "title: Cluster A\u{0B} email")
        }
        let check = try HeraldProcess.run(["check", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(check.status == 1)
        #expect(
            check.standardOutput
                == "Content/incidents/2025-10-06-cluster-a-email.md:2:17: error: invalid YAML: the control "
                + "character U+000B is not allowed; remove it (tab and line feed are the only control "
                + "characters text may hold)\n")
    }

    // MARK: Markdown

    @Test func controlCharactersInMarkdownReachNoOutputRaw() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        let controls = "VT\u{0B} ESC\u{1B}[2J DEL\u{7F} NEL\u{85} CSI\u{9B} BEL\u{07} NUL\u{00} end"
        try Self.edit(site, "Content/incidents/2025-10-06-cluster-a-email.md") {
            // In the body as written, and in an update's message as YAML escapes.
            $0.replacingOccurrences(of: "\n---\n", with: "\n---\n\(controls)\n\n")
                .replacingOccurrences(
                    of: "updates:\n",
                    with: "updates:\n  - at: 2025-10-06T17:35:00Z\n    status: investigating\n"
                        + "    message: \"Escaped \\e[2J \\v \\x85 \\x7F.\"\n")
        }
        let build = try HeraldProcess.run(["build", "--now", "2025-10-06T19:00:00Z"], in: site)
        #expect(build.status == 0, "\(build.standardError)")
        let emails = try RepositoryPaths.temporaryDirectory()
        let previous = try HeraldProcess.run(
            ["build", "--now", "2025-10-01T00:00:00Z", "--output", "\(site)/Before"], in: site)
        #expect(previous.status == 0, "\(previous.standardError)")
        let diff = try HeraldProcess.run(
            [
                "diff", "Before/api/state.json", "Output/api/state.json", "--format", "email", "--output",
                emails,
            ], in: site)
        #expect(diff.status == 0, "\(diff.standardError)")
        var checked = 0
        for folder in ["\(site)/Output", emails] {
            // The theme's share-card image is bytes, not text.
            for path in RepositoryPaths.files(in: folder) where !path.hasSuffix(".png") {
                let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(path)"))
                // iCalendar and email end lines with CRLF; nothing else may be there.
                let allowed: Set<Unicode.Scalar> =
                    path.hasSuffix(".ics") || path.hasSuffix(".eml") ? ["\r"] : []
                let text = String(decoding: data, as: UTF8.self)
                let raw = text.unicodeScalars.filter {
                    ControlCharacters.isStray($0) && !allowed.contains($0)
                }
                #expect(raw.isEmpty, "\(path): \(raw.map(ControlCharacters.codePoint))")
                checked += 1
            }
        }
        #expect(checked > 40)
        let page = try String(
            contentsOfFile: "\(site)/Output/incidents/2025-10-06-cluster-a-email/index.html", encoding: .utf8)
        #expect(
            page.contains(
                "VT\u{FFFD} ESC\u{FFFD}[2J DEL\u{FFFD} NEL\u{FFFD} CSI\u{FFFD} BEL\u{FFFD} NUL\u{FFFD} end"))
        #expect(page.contains("Escaped \u{FFFD}[2J \u{FFFD} \u{FFFD} \u{FFFD}."))
    }

    // MARK: Helpers

    /// A built copy of the example site with two states, before and during its October incident;
    /// the second with a hostile incident title, cluster name and update message.
    static func statesWithHostileText() throws -> (site: String, old: String, new: String) {
        let site = try HeraldProcess.copyOfExampleSite()
        let old = "\(site)/old.json"
        let new = "\(site)/new.json"
        for (now, path) in [("2025-10-01T00:00:00Z", old), ("2025-10-06T19:00:00Z", new)] {
            let build = try HeraldProcess.run(["build", "--now", now], in: site)
            #expect(build.status == 0, "\(build.standardError)")
            try FileManager.default.copyItem(atPath: "\(site)/Output/api/state.json", toPath: path)
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: new))
        guard var state = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            var incidents = state["incidents"] as? [[String: Any]], !incidents.isEmpty,
            var components = state["components"] as? [[String: Any]],
            var update = incidents[0]["latest_update"] as? [String: Any]
        else { throw CocoaError(.fileReadCorruptFile) }
        incidents[0]["title"] = hostile
        update["message"] = "line1\u{1B}[2J\nline2\u{0B}\u{85}"
        incidents[0]["latest_update"] = update
        for index in components.indices where components[index]["cluster"] as? String == "b" {
            components[index]["cluster_name"] = "B\u{1B}[31m\nFAKE"
        }
        state["incidents"] = incidents
        state["components"] = components
        try JSONSerialization.data(withJSONObject: state).write(to: URL(fileURLWithPath: new))
        return (site, old, new)
    }

    static let hostile = ControlCharacterTests.hostile

    /// No byte below 0x20 but tab and line feed, no DEL, no C1 in what the process printed.
    static func expectNoRawControls(
        _ result: HeraldProcess.Result, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for (name, text) in [("stdout", result.standardOutput), ("stderr", result.standardError)] {
            let raw = text.unicodeScalars.filter(ControlCharacters.isStray)
            #expect(
                raw.isEmpty, "\(name): \(raw.map(ControlCharacters.codePoint))",
                sourceLocation: sourceLocation)
        }
    }

    static func edit(_ site: String, _ path: String, _ change: (String) -> String) throws {
        let url = URL(fileURLWithPath: "\(site)/\(path)")
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "\(path) did not change")
        try Data(changed.utf8).write(to: url)
    }
}
