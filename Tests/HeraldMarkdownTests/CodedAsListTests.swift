import Foundation
import HeraldCore
import Testing

@testable import HeraldMarkdown

/// The small types coded as a list of their fields (see `SourceLocation`'s coding) read back
/// through both coders, and a field added to one fails here until its coding has it too.
@Suite struct CodedAsListTests {
    static let location = HeraldCore.SourceLocation(
        path: "Content/incidents/2025-08-14-cluster-a.md", line: 12, column: 3)
    static let component = ComponentID(cluster: "cluster-a", service: "mail")
    static let impact = ComponentImpact(component: component, status: .majorOutage)
    static let text = MarkdownText("We are **on it**.", at: location)
    static let link = MarkdownLink(destination: "https://status.example.com/history/", line: 4, column: 9)
    static let question = Question(
        question: MarkdownText("Is mail lost?", at: location), answer: text, anchor: "q-is-mail-lost")
    /// An update that keeps the impact (nil), one that clears it (empty) and one that sets it:
    /// three different things the coding must keep apart.
    static let updates = [nil, [], [impact]].enumerated().map { index, affected in
        IncidentUpdate(
            at: Date(timeIntervalSince1970: 1_755_000_000 + Double(index) * 600), status: .identified,
            message: text, affected: affected, id: "u\(index)", reopens: index == 2)
    }
    static func incident(resolved: Date?, postmortem: Postmortem?) -> Incident {
        Incident(
            slug: "2025-08-14-cluster-a", title: "Delayed mail",
            started: Date(timeIntervalSince1970: 1_755_000_000),
            resolved: resolved, impact: .major, affected: [impact], updates: updates, questions: [question],
            related: ["2025-08-01-cluster-b"], body: text,
            source: "Content/incidents/2025-08-14-cluster-a.md",
            impactIsDeclared: false, postmortem: postmortem)
    }

    private func roundTrip<Value: Codable & Equatable>(_ value: Value) throws {
        let compact = try CompactBinary.encode(value)
        #expect(try compact.withUnsafeBytes { try CompactBinary.decode(Value.self, from: $0) } == value)
        let json = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(Value.self, from: json) == value)
    }

    static let maintenance = Maintenance(
        slug: "2025-08-20-cluster-a", title: "Storage upgrade",
        start: Date(timeIntervalSince1970: 1_755_600_000),
        end: Date(timeIntervalSince1970: 1_755_607_200), cancelled: false, components: [component],
        updates: [], questions: [question], related: [], body: text, source: "Content/maintenance/a.md")
    static let post = Post(
        slug: "2025-08-15-questions", title: "Questions", date: Date(timeIntervalSince1970: 1_755_200_000),
        author: nil, summary: "What happened.", tags: ["mail"], clusters: ["cluster-a"],
        incidents: ["2025-08-14-cluster-a"], questions: [question], body: text, source: "Content/blog/a.md")

    @Test func eachReadsBackThroughBothCoders() throws {
        try roundTrip(Self.location)
        try roundTrip(Self.component)
        try roundTrip(Self.link)
        try roundTrip(Self.impact)
        try roundTrip(Self.text)
        try roundTrip(Self.question)
        for update in Self.updates { try roundTrip(update) }
        try roundTrip(Self.incident(resolved: nil, postmortem: nil))
        try roundTrip(Self.maintenance)
        try roundTrip(Self.post)
        try roundTrip(
            Self.incident(
                resolved: Date(timeIntervalSince1970: 1_755_007_200),
                postmortem: Postmortem(body: Self.text, published: Date(timeIntervalSince1970: 1_755_100_000))
            ))
    }

    @Test func eachCodesEveryField() throws {
        for (value, coded) in [
            (Self.location, 3), (Self.component, 2), (Self.impact, 2), (Self.text, 2), (Self.link, 3),
            (Self.question, 3), (Self.updates[0], 6), (Self.incident(resolved: nil, postmortem: nil), 13),
            (Self.maintenance, 13), (Self.post, 11),
        ] as [(Any, Int)] {
            #expect(
                Mirror(reflecting: value).children.count == coded,
                "\(type(of: value)) has a field its init(from:) and encode(to:) do not code")
        }
        // The JSON form is the list, so its length is the number of fields coded.
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.location)) as? [Any]
        #expect(json?.count == 3)
    }

    @Test func anOptionalFieldOfMoreThanOneValueFails() throws {
        let two = try CompactBinary.encode([1, 2])
        #expect(throws: CompactBinary.Failure.self) {
            try two.withUnsafeBytes { try CompactBinary.decode(FieldList.OptionalField<Int>.self, from: $0) }
        }
    }

    @Test func aListOfTheWrongLengthFails() throws {
        let short = try CompactBinary.encode(["Content/a.md"])
        #expect(throws: CompactBinary.Failure.self) {
            try short.withUnsafeBytes { try CompactBinary.decode(HeraldCore.SourceLocation.self, from: $0) }
        }
    }
}
