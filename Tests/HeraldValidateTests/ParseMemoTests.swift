import Foundation
import HeraldCore
import HeraldLoad
import Testing

@testable import HeraldTestSupport
@testable import HeraldValidate

/// `ParseMemo`: a file whose record is stored is not parsed again, an edited one is, and a
/// record that does not read back is only a miss.
@Suite struct ParseMemoTests {
    private static let recurring = """
        ---
        title: Weekly restart
        window:
          start: 2025-10-26T02:00:00-04:00
          end: 2025-10-26T04:00:00-04:00
        affected:
          - cluster: a
            services: [imap]
        repeat:
          frequency: weekly
          weekdays: [sunday, wednesday]
          until: 2026-01-01
        skip: [2025-11-02]
        rescheduled:
          - at: 2025-10-01T12:00:00Z
            start: 2025-10-19T06:00:00Z
            end: 2025-10-19T08:00:00Z
        ---
        Body
        """

    /// The fixture with a recurring window and a draft, with a warning (an empty answer).
    private static var files: [String: String] {
        var files = Fixture.files
        files["Content/maintenance/weekly.md"] = recurring
        files["Content/incidents/2025-09-01-draft.md"] = """
            ---
            title: Draft
            started: 2025-09-01T10:00:00Z
            draft: true
            questions:
              - q: Why?
                a: " "
            affected:
              - cluster: b
                status: degraded-performance
            ---
            """
        return files
    }

    private func validate(_ files: [String: String], memo: ParseMemo?) throws -> ValidationResult {
        let fileSystem = InMemoryFileSystem(
            files: Dictionary(uniqueKeysWithValues: files.map { ("site/" + $0, $1) }))
        let content = try ContentLoader(fileSystem: fileSystem).load(
            contentDirectory: "site/Content", displayRoot: "site")
        return SiteValidator.validate(content, options: ValidationOptions(includeDrafts: true), memo: memo)
    }

    /// The document a record in memory holds.
    static func document(_ record: MemoRecord) throws -> ParsedDocument {
        try #require(record.data).withUnsafeBytes { try CompactBinary.decode(ParsedDocument.self, from: $0) }
    }

    @Test func everyRecordReadsBackAsTheDocumentItCameFrom() throws {
        let first = try validate(Self.files, memo: ParseMemo())
        #expect(first.parses.count == Self.files.count - 1)  // every file but site.yml
        for record in first.parses.values {
            #expect(throws: Never.self) { try Self.document(record) }
        }
        let second = try validate(Self.files, memo: ParseMemo(stored: first.parses))
        #expect(second.site != nil)
        #expect(second.site == first.site)
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.diagnostics.contains { $0.severity == .warning })
        #expect(second.parses == first.parses)
        let plain = try validate(Self.files, memo: nil)
        #expect(plain.site == first.site && plain.diagnostics == first.diagnostics)
        #expect(plain.parses.isEmpty)
    }

    /// A record is the list of a document's fields (`FieldList`): one added to `ParsedDocument`
    /// fails here until its coding has it too. Every field is coded but `file`, which the load supplies.
    @Test func aRecordCodesEveryFieldButTheFile() throws {
        let document = try #require(
            try validate(Self.files, memo: ParseMemo()).parses.values.first.map(Self.document))
        #expect(Mirror(reflecting: document).children.count == 10 + 1)
    }

    @Test func aStoredRecordIsUsedAndAnEditedFileIsParsedAgain() throws {
        let first = try validate(Self.files, memo: ParseMemo())
        // Every record's title changed: a file read from its record shows the changed title, one
        // that is parsed again its own.
        let retitled = try first.parses.mapValues { record in
            var document = try Self.document(record)
            switch document.item {
            case .incident(var incident):
                incident.title += " (recorded)"
                document.item = .incident(incident)
            case .maintenance(var maintenance):
                maintenance.title += " (recorded)"
                document.item = .maintenance(maintenance)
            case .post(var post):
                post.title += " (recorded)"
                document.item = .post(post)
            case nil: break
            }
            return MemoRecord.bytes(Data(try CompactBinary.encode(document)))
        }
        var edited = Self.files
        edited["Content/incidents/2025-10-06-cluster-a-email.md"] = Fixture.incident.replacingOccurrences(
            of: "Cluster A email service issues", with: "Cluster A email delays")
        let second = try validate(edited, memo: ParseMemo(stored: retitled))
        let site = try #require(second.site)
        #expect(
            site.incidents.map(\.title) == [
                "Cluster A email delays", "Draft (recorded)", "Cluster A interruption (recorded)",
            ])
        #expect(site.maintenances.map(\.title).allSatisfy { $0.hasSuffix(" (recorded)") })
        #expect(site.posts.map(\.title) == ["Cluster A email: questions and answers (recorded)"])
        // The edited file's record replaces its old one; the others are kept as they were.
        #expect(second.parses.count == first.parses.count)
        #expect(Set(second.parses.keys).subtracting(first.parses.keys).count == 1)
    }

    @Test func aRecordThatDoesNotReadBackIsParsedAgain() throws {
        let first = try validate(Self.files, memo: ParseMemo())
        for damage in [
            { (record: Data) in record.prefix(record.count / 2) }, { _ in Data() },
            { record in Data(record.reversed()) }, { record in record + Data([0]) },
        ] {
            let damaged = try validate(
                Self.files,
                memo: ParseMemo(stored: first.parses.mapValues { .bytes(damage($0.data ?? Data())) }))
            #expect(damaged.site == first.site)
            #expect(damaged.diagnostics == first.diagnostics)
            #expect(damaged.parses == first.parses)
        }
    }

    @Test func aChangedCatalogOrZoneParsesEveryFileAgain() throws {
        let first = try validate(Self.files, memo: ParseMemo())
        var renamed = Self.files
        renamed["Content/site.yml"] = Fixture.siteYAML.replacingOccurrences(
            of: "- id: b\n", with: "- id: c\n")
        let second = try validate(renamed, memo: ParseMemo(stored: first.parses))
        #expect(Set(second.parses.keys).isDisjoint(with: first.parses.keys))
        #expect(Fixture.errors(second).contains { $0.contains("`b`") })
        var moved = Self.files
        moved["Content/site.yml"] = Fixture.siteYAML.replacingOccurrences(
            of: "America/Toronto", with: "Europe/Paris")
        let third = try validate(moved, memo: ParseMemo(stored: first.parses))
        #expect(Set(third.parses.keys).isDisjoint(with: first.parses.keys))
    }
}
