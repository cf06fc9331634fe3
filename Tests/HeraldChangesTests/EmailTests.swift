import Foundation
import Testing

@testable import HeraldChanges
@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

/// Splits a message into unfolded headers and its body.
private struct ParsedMessage {
    var headers: [(name: String, value: String)] = []
    var body = ""

    init(_ message: String) {
        let parts = message.components(separatedBy: "\r\n\r\n")
        body = parts.dropFirst().joined(separator: "\r\n\r\n")
        for line in (parts.first ?? "").components(separatedBy: "\r\n") {
            if line.hasPrefix(" "), let last = headers.popLast() {
                headers.append((last.name, last.value + line))
            } else if let colon = line.firstIndex(of: ":") {
                headers.append(
                    (
                        String(line[..<colon]),
                        String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                    ))
            }
        }
    }

    func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }
}

/// Decodes RFC 2047 `=?UTF-8?B?…?=` words; whitespace between encoded words is dropped.
private func decodeWords(_ value: String) -> String {
    value.split(separator: " ").map { word -> String in
        guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="),
            let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))
        else { return " " + word }
        return String(decoding: data, as: UTF8.self)
    }.joined().trimmingCharacters(in: .whitespaces)
}

/// Decodes a quoted-printable body back to text with `\n` line ends.
private func decodeQuotedPrintable(_ body: String) -> String {
    var bytes: [UInt8] = []
    let unfolded = body.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(
        of: "\r\n", with: "\n")
    var index = unfolded.utf8.startIndex
    let utf8 = unfolded.utf8
    while index < utf8.endIndex {
        let byte = utf8[index]
        if byte == UInt8(ascii: "="), let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
            let value = UInt8(
                String(decoding: utf8[utf8.index(after: index)..<end], as: UTF8.self), radix: 16)
        {
            bytes.append(value)
            index = end
        } else {
            bytes.append(byte)
            index = utf8.index(after: index)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

@Suite struct EmailTests {
    typealias F = StateFixtures

    static let title = "Accès webmail : opérationnel bientôt — patience ☕"

    /// Cluster Ä: an incident opens on its webmail; Cluster B: a maintenance is scheduled.
    static let (changes, state): (StateChanges, SiteState) = {
        let config = F.config(clusterA: "Cluster Ä")
        let incident = F.incident(
            "webmail", title: title, started: "2025-10-06T17:30:00Z",
            affected: [("a/webmail", .partialOutage)],
            updates: [
                F.Update(
                    at: "2025-10-06T17:40:00Z", status: .investigating,
                    message:
                        "Les connexions échouent.\n\n.Point\nFrom now on a line long enough to need a soft break in quoted-printable, é."
                )
            ])
        let window = F.maintenance(
            "upgrade", title: "Upgrade", start: "2025-10-08T02:00:00Z", end: "2025-10-08T04:00:00Z",
            components: ["b/imap"])
        let before = F.state(F.site(config: config), now: "2025-10-06T17:00:00Z")
        let after = F.state(
            F.site(incidents: [incident], maintenance: [window], config: config), now: "2025-10-06T18:00:00Z",
            cells: ["a/webmail": F.Cell(status: .partialOutage, incidents: ["webmail"])],
            phases: ["webmail": .investigating], maintenance: ["upgrade": .upcoming])
        return (StateDiff.diff(from: before, to: after), after)
    }()

    static let lists = MailLists(unsubscribe: [
        "emergency": "https://admin.example.com/unsubscribe?cluster={cluster}&list={audience}",
        "maintenance": "mailto:contacts@example.com?subject=unsubscribe%20{cluster}%20{audience}",
    ])

    static func messages(
        audience: Audience? = nil, cluster: String? = nil, to: String? = nil, lists: MailLists = MailLists()
    ) -> [(fileName: String, message: String)] {
        ChangeEmails.messages(
            changes, state: state, audience: audience, cluster: cluster,
            from: "Équipe Statut <status@example.com>",
            to: to, lists: lists)
    }

    @Test func oneMessagePerClusterAndAudience() {
        #expect(Self.messages().map(\.fileName) == ["a-emergency.eml", "b-maintenance.eml"])
        #expect(Self.messages(audience: .maintenance).map(\.fileName) == ["b-maintenance.eml"])
        #expect(Self.messages(cluster: "a").map(\.fileName) == ["a-emergency.eml"])
        #expect(Self.messages(audience: .maintenance, cluster: "a").isEmpty)
    }

    @Test func headersAreRFC5322WithEncodedNonASCII() throws {
        let message = try #require(
            Self.messages(cluster: "a", to: "contacts-{cluster}-{audience}@lists.example.com").first
        )
        .message
        let parsed = ParsedMessage(message)
        #expect(
            parsed.headers.map(\.name) == [
                "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
                "Content-Transfer-Encoding", "Auto-Submitted", "List-Id", "X-Herald-Cluster",
                "X-Herald-Audience",
            ])
        let subject = try #require(parsed.header("Subject"))
        #expect(subject.hasPrefix("=?UTF-8?B?"))
        #expect(decodeWords(subject) == "[Cluster Ä] Incident opened: \(Self.title) (+1 more change)")
        let from = try #require(parsed.header("From"))
        #expect(decodeWords(from) == "Équipe Statut <status@example.com>")
        #expect(parsed.header("To") == "contacts-a-emergency@lists.example.com")
        #expect(parsed.header("Date") == "Mon, 06 Oct 2025 18:00:00 +0000")
        #expect(parsed.header("MIME-Version") == "1.0")
        #expect(parsed.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(parsed.header("Content-Transfer-Encoding") == "quoted-printable")
        #expect(parsed.header("Message-ID")?.hasSuffix(".emergency@status.example.com>") == true)
    }

    @Test func listIdNamesTheClusterAndAudience() throws {
        let headers = Self.messages().map { ParsedMessage($0.message).header("List-Id") ?? "" }
        #expect(headers[0].hasSuffix(" <a-emergency.status.example.com>"))
        #expect(decodeWords(String(headers[0].dropLast(33))) == "Cluster Ä emergency contacts")
        #expect(headers[1] == "\"Cluster B maintenance contacts\" <b-maintenance.status.example.com>")
    }

    @Test func unsubscribeIsOneClickOnlyForHTTPS() throws {
        let parsed = Self.messages(lists: Self.lists).map { ParsedMessage($0.message) }
        #expect(
            parsed[0].header("List-Unsubscribe")
                == "<https://admin.example.com/unsubscribe?cluster=a&list=emergency>")
        #expect(parsed[0].header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
        #expect(
            parsed[1].header("List-Unsubscribe")
                == "<mailto:contacts@example.com?subject=unsubscribe%20b%20maintenance>")
        #expect(parsed[1].header("List-Unsubscribe-Post") == nil)
        let without = Self.messages().map { ParsedMessage($0.message) }
        #expect(
            without.allSatisfy {
                $0.header("List-Unsubscribe") == nil && $0.header("List-Unsubscribe-Post") == nil
            })
    }

    /// A state file is read from wherever CI fetched it: a cluster id or name in it can hold
    /// anything, and still adds no header and cannot end an address.
    @Test func hostileClusterValuesAddNoHeader() throws {
        let hostile = "a>\r\nBcc: evil@example.com\r\n\r\n<x"
        let group = ChangeGroup(
            cluster: hostile, clusterName: "Name\"\r\nBcc: evil@example.com", audience: .emergency,
            changes: [])
        let headers = ChangeEmails.listHeaders(group, domain: "status.example.com", lists: Self.lists)
        let text = headers.joined(separator: "\r\n")
        #expect(!text.contains("\r\nBcc"))
        #expect(headers.count == 3)
        #expect(
            headers[1]
                == "List-Unsubscribe: <https://admin.example.com/unsubscribe?cluster=a%3E%0D%0ABcc%3A%20evil%40example.com%0D%0A%0D%0A%3Cx&list=emergency>"
        )
        #expect(headers[0].hasPrefix("List-Id: \"Name\\\" Bcc: evil@example.com emergency contacts\""))
    }

    @Test func linesEndInCRLFAndStayShort() throws {
        let message = try #require(Self.messages().first).message
        #expect(!message.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!message.contains("\r\r"))
        #expect(message.hasSuffix("\r\n"))
        for line in message.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "\(line)")
            let ascii = line.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii, "\(line)")
        }
    }

    @Test func bodyTellsWhatChangedQuotesTheUpdateAndLinksPageAndFeed() throws {
        let message = try #require(Self.messages().first).message
        let body = decodeQuotedPrintable(ParsedMessage(message).body)
        #expect(
            body == """
                Status changes for Cluster Ä, sent to emergency contacts.
                As of 2025-10-06 18:00 UTC, since 2025-10-06 17:00 UTC.

                - Cluster Ä / Webmail: operational → partial outage (\(Self.title))
                - Cluster Ä: incident opened: \(Self.title) (investigating)

                \(Self.title) (investigating)
                Latest update, 2025-10-06 17:40 UTC:

                    Les connexions échouent.

                    .Point
                    From now on a line long enough to need a soft break in quoted-printable, é.

                https://status.example.com/incidents/webmail/

                --\u{20}
                Cluster Ä status: https://status.example.com/clusters/a/
                Cluster Ä feed: https://status.example.com/clusters/a/feed.atom

                """)
    }

    @Test func messageIDAndBytesAreStable() throws {
        let first = Self.messages().map(\.message)
        #expect(first == Self.messages().map(\.message))
        let ids = first.map { ParsedMessage($0).header("Message-ID") }
        #expect(Set(ids).count == 2)
    }

    @Test func quotedPrintableGuardsLineStartsAndTrailingSpace() {
        #expect(
            MIMEText.quotedPrintable(".dot\nFrom x\ntrail \nx=y") == "=2Edot\r\n=46rom x\r\ntrail=20\r\nx=3Dy"
        )
        let long = String(repeating: "é", count: 40)
        let encoded = MIMEText.quotedPrintable(long)
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(decodeQuotedPrintable(encoded) == long)
    }

    @Test func asciiSubjectsAreFoldedNotEncoded() {
        let header = MIMEText.header("Subject", String(repeating: "word ", count: 30))
        #expect(!header.contains("=?"))
        #expect(header.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        #expect(MIMEText.header("Subject", "line\r\nBcc: injected") == "Subject: line Bcc: injected")
    }
}
