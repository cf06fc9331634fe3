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

    private func roundTrip<Value: Codable & Equatable>(_ value: Value) throws {
        let compact = try CompactBinary.encode(value)
        #expect(try compact.withUnsafeBytes { try CompactBinary.decode(Value.self, from: $0) } == value)
        let json = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(Value.self, from: json) == value)
    }

    @Test func eachReadsBackThroughBothCoders() throws {
        try roundTrip(Self.location)
        try roundTrip(Self.component)
        try roundTrip(Self.link)
        try roundTrip(Self.impact)
        try roundTrip(Self.text)
    }

    @Test func eachCodesEveryField() throws {
        for (value, coded) in [
            (Self.location, 3), (Self.component, 2), (Self.impact, 2), (Self.text, 2), (Self.link, 3),
        ] as [(Any, Int)] {
            #expect(
                Mirror(reflecting: value).children.count == coded,
                "\(type(of: value)) has a field its init(from:) and encode(to:) do not code")
        }
        // The JSON form is the list, so its length is the number of fields coded.
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Self.location)) as? [Any]
        #expect(json?.count == 3)
    }

    @Test func aListOfTheWrongLengthFails() throws {
        let short = try CompactBinary.encode(["Content/a.md"])
        #expect(throws: CompactBinary.Failure.self) {
            try short.withUnsafeBytes { try CompactBinary.decode(HeraldCore.SourceLocation.self, from: $0) }
        }
    }
}
