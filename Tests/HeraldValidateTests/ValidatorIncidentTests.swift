import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport
@testable import HeraldValidate

@Suite struct ValidatorIncidentTests {
    private let path = "Content/incidents/x.md"

    /// Validates the fixture plus one incident `x.md` with `frontMatter` lines.
    private func validate(_ frontMatter: String, body: String = "") throws -> ValidationResult {
        try Fixture.validate(replacing: ["Content/incidents/x.md": "---\n\(frontMatter)\n---\n\(body)"])
    }

    private func incident(_ result: ValidationResult, _ slug: String = "x") throws -> Incident {
        try #require(result.site?.incidents.first { $0.slug == slug })
    }

    @Test func unknownKeyPointsAtTheKeyAndSuggests() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            resovled: 2025-10-07T00:00:00Z
            affected:
              - cluster: a
                status: partial-outage
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):4:1: error: unknown key `resovled` in the incident's front matter; did you mean `resolved`?"
            ])
        #expect(result.site == nil)
    }

    @Test func nestedUnknownKeyPointsAtItsColumn() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                service: [inbound]
                status: partial-outage
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):6:5: error: unknown key `service` in an `affected` entry; did you mean `services`?"
            ])
    }

    @Test func bareDateAndLocalTimeArePointedAtTheValue() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06
            resolved: 2025-10-07T03:05:00
            affected:
              - cluster: a
                status: partial-outage
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):3:10: error: expected a time with an offset such as 2025-10-06T17:30:00Z for `started`, "
                    + "not `2025-10-06` (a date needs a time and an offset)",
                "\(path):4:11: error: expected a time with an offset such as 2025-10-06T17:30:00Z for `resolved`, "
                    + "not `2025-10-07T03:05:00` (add `Z` for UTC or an offset such as +02:00)",
            ])
    }

    @Test func missingRequiredFieldsAreReportedAtTheMapping() throws {
        let result = try validate("draft: false")
        #expect(
            Fixture.errors(result) == [
                "\(path):2:1: error: missing required field `title` in the incident's front matter",
                "\(path):2:1: error: missing required field `started` in the incident's front matter",
                "\(path):2:1: error: missing required field `affected` in the incident's front matter",
            ])
    }

    @Test func emptyFrontMatterReportsMissingFieldsAtOneOne() throws {
        let result = try Fixture.validate(replacing: [path: "---\n---\n"])
        #expect(
            Fixture.errors(result).first
                == "\(path):1:1: error: missing required field `title` in the incident's front matter")
    }

    @Test func typeErrorsPointAtTheValue() throws {
        let result = try validate(
            """
            title: [a, b]
            started: 2025-10-06T17:30:00Z
            affected: a
            related: x
            draft: maybe
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):2:8: error: expected text for `title`, not a list",
                "\(path):4:11: error: expected a list for `affected`, not `a`",
                "\(path):5:10: error: expected a list for `related`, not `x`",
                "\(path):6:8: error: expected true or false for `draft`, not `maybe`",
            ])
    }

    @Test func invalidYAMLIsReportedAtItsFilePosition() throws {
        let result = try validate("title: T\nstarted: [2025\naffected: x")
        let errors = Fixture.errors(result)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(path):4:") == true)
        #expect(errors.first?.contains("error: invalid YAML") == true)
    }

    @Test func duplicateYAMLKeysAreErrors() throws {
        let result = try validate("title: T\ntitle: U\nstarted: 2025-10-06T17:30:00Z")
        #expect(Fixture.errors(result).first?.contains("duplicate key `title`") == true)
    }

    @Test func resolvedUpdateAloneResolves() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                status: major-outage
            updates:
              - at: 2025-10-06T21:00:00+02:00
                status: resolved
            """)
        #expect(Fixture.errors(result) == [])
        #expect(try incident(result).resolved == Fixture.date("2025-10-06T19:00:00Z"))
    }

    @Test func noResolutionMeansOngoing() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                status: major-outage
            updates:
              - at: 2025-10-06T18:00:00Z
                status: identified
                message: Found it.
            """)
        #expect(try incident(result).resolved == nil)
    }

    @Test func resolvedTimeAndResolvedUpdateMustAgree() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            resolved: 2025-10-06T20:00:00Z
            affected:
              - cluster: a
                status: major-outage
            updates:
              - at: 2025-10-06T19:00:00Z
                status: resolved
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):4:11: error: `resolved` is 2025-10-06T20:00:00Z but the `resolved` update is at "
                    + "2025-10-06T19:00:00Z; they must be the same time"
            ])
        let agreeing = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            resolved: 2025-10-06T21:00:00+02:00
            affected:
              - cluster: a
                status: major-outage
            updates:
              - at: 2025-10-06T19:00:00Z
                status: resolved
            """)
        #expect(Fixture.errors(agreeing) == [])
    }

    @Test func startedMustNotBeAfterResolvedOrAnyUpdate() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            resolved: 2025-10-06T17:00:00Z
            affected:
              - cluster: a
                status: major-outage
            updates:
              - at: 2025-10-06T17:20:00Z
                status: investigating
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):4:11: error: `resolved` (2025-10-06T17:00:00Z) is before `started` (2025-10-06T17:30:00Z)",
                "\(path):9:9: error: this update (2025-10-06T17:20:00Z) is before `started` (2025-10-06T17:30:00Z)",
            ])
    }

    @Test func derivedImpactIsTheWorstStatusEver() throws {
        let derived = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                services: [inbound]
                status: degraded-performance
            updates:
              - at: 2025-10-06T18:00:00Z
                status: identified
                affected:
                  - cluster: b
                    services: [outbound]
                    status: major-outage
            """)
        #expect(try incident(derived).impact == .critical)
        let minor = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                status: degraded-performance
            """)
        #expect(try incident(minor).impact == .minor)
        let declared = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            impact: none
            affected:
              - cluster: a
                status: major-outage
            """)
        #expect(try incident(declared).impact == Impact.none)
    }

    @Test func affectedWithoutServicesMeansEveryServiceOfTheCluster() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: b
                status: partial-outage
              - cluster: a
                services: [pop]
                status: major-outage
            """)
        #expect(
            try incident(result).affected == [
                ComponentImpact(
                    component: ComponentID(cluster: "b", service: "inbound"), status: .partialOutage),
                ComponentImpact(
                    component: ComponentID(cluster: "b", service: "outbound"), status: .partialOutage),
                ComponentImpact(component: ComponentID(cluster: "a", service: "pop"), status: .majorOutage),
            ])
    }

    @Test func aComponentListedTwiceInOneAffectedListIsAnError() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                status: partial-outage
              - cluster: a
                services: [inbound]
                status: major-outage
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):8:16: error: component a/inbound is already listed in this `affected` list"
            ])
    }

    @Test func componentReferencesMustExist() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: c
                status: partial-outage
              - cluster: b
                services: [webmail, inbund]
                status: major_outage
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):5:14: error: unknown cluster `c`; site.yml declares `a`, `b`",
                "\(path):8:16: error: cluster `b` does not run service `webmail`; its services are `inbound`, `outbound`",
                "\(path):8:25: error: unknown service `inbund`; cluster `b` runs `inbound`, `outbound`. "
                    + "Did you mean `inbound`?",
                "\(path):9:13: error: unknown status `major_outage`; expected one of degraded-performance, "
                    + "partial-outage, major-outage. Did you mean `major-outage`?",
            ])
    }

    @Test func affectedNeedsAnEntryAndEachEntryAStatus() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected: []
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):4:11: error: `affected` needs at least one entry such as `- cluster: a`"
            ])
        let noStatus = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
            """)
        #expect(
            Fixture.errors(noStatus) == [
                "\(path):5:5: error: missing required field `status` in an `affected` entry"
            ])
    }

    @Test func updatesAreSortedOldestFirstWithStableIDs() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                status: major-outage
            updates:
              - at: 2025-10-06T19:00:00Z
                status: monitoring
                message: Third.
              - at: 2025-10-06T17:40:00Z
                status: investigating
                message: First.
              - at: 2025-10-06T17:40:00.500Z
                status: identified
                message: Second, same second.
            """)
        let updates = try incident(result).updates
        #expect(updates.map(\.message.source) == ["First.", "Second, same second.", "Third."])
        #expect(updates.map(\.id) == ["u-20251006T174000Z", "u-20251006T174000Z-2", "u-20251006T190000Z"])
        #expect(updates.map(\.status) == [.investigating, .identified, .monitoring])
        #expect(updates[0].message.location == SourceLocation(path: path, line: 13, column: 14))
    }

    @Test func updateStatusesAreTheIncidentOnes() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                status: major-outage
            updates:
              - at: 2025-10-06T19:00:00Z
                status: completed
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):9:13: error: unknown status `completed`; expected one of investigating, identified, "
                    + "monitoring, resolved"
            ])
    }

    @Test func modelFieldsAreFilledIn() throws {
        let result = try Fixture.validate(Fixture.files)
        let incident = try self.incident(result, "2025-10-06-cluster-a-email")
        #expect(incident.title == "Cluster A email service issues")
        #expect(incident.source == "Content/incidents/2025-10-06-cluster-a-email.md")
        #expect(incident.started == Fixture.date("2025-10-06T17:30:00Z"))
        #expect(incident.resolved == Fixture.date("2025-10-07T03:05:00Z"))
        #expect(incident.impact == .major)
        #expect(incident.related == ["2025-08-14-cluster-a"])
        #expect(incident.body.source == "Summary of the incident.")
        #expect(incident.body.location == SourceLocation(path: incident.source, line: 22, column: 1))
        #expect(incident.updates[0].message.source == "Resellers report failed logins.\n")
        #expect(incident.updates[0].message.location.line == 16)
        #expect(incident.updates[0].message.location.column == 7)
        #expect(incident.questions.map(\.anchor) == ["q-does-this-affect-outbound-mail"])
        #expect(incident.questions[0].answer.source == "No.")
    }

    @Test func slugFromFieldOrFileName() throws {
        let explicit = try validate(
            """
            title: T
            slug: my-slug
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                status: major-outage
            """)
        #expect(explicit.site?.incidents.contains { $0.slug == "my-slug" } == true)
        let badSlug = try validate(
            """
            title: T
            slug: My Slug
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                status: major-outage
            """)
        #expect(
            Fixture.errors(badSlug) == [
                "\(path):3:7: error: slug `My Slug` may only hold lowercase letters, digits and dashes, and must "
                    + "start with a letter or digit such as `my-slug`"
            ])
        let badName = try Fixture.validate(replacing: [
            "Content/incidents/Big Outage.md":
                "---\ntitle: T\nstarted: 2025-10-06T17:30:00Z\naffected:\n  - cluster: a\n    status: major-outage\n---\n"
        ])
        #expect(
            Fixture.errors(badName) == [
                "Content/incidents/Big Outage.md:1:1: error: the file name `Big Outage` is not a valid slug "
                    + "(lowercase letters, digits and dashes); rename the file or set `slug:` such as `big-outage`"
            ])
    }

    @Test func markdownBiggerThanOneMebibyteIsAnError() throws {
        let big = String(repeating: "a", count: (1 << 20) + 1)
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                status: major-outage
            """, body: big)
        #expect(
            Fixture.errors(result) == [
                "\(path):8:1: error: the body is bigger than 1 MiB; split it up or link to a separate document"
            ])
    }

    @Test func questionsNeedBothPartsAndWarnOnEmptyAnswers() throws {
        let result = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                status: major-outage
            questions:
              - q: Is mail lost?
                a: ""
              - q: Is mail lost?
                a: No.
              - a: Orphan answer
            """)
        #expect(Fixture.errors(result) == ["\(path):12:5: error: missing required field `q` in a question"])
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(warnings == ["\(path):9:8: warning: the answer to this question is empty"])
        let valid = try validate(
            """
            title: T
            started: 2025-10-06T17:30:00Z
            affected:
              - cluster: a
                status: major-outage
            questions:
              - q: Is mail lost?
                a: ""
              - q: Is mail lost?
                a: No.
            """)
        #expect(try incident(valid).questions.map(\.anchor) == ["q-is-mail-lost", "q-is-mail-lost-2"])
        #expect(valid.site != nil)
    }
}
