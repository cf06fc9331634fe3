import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTemplates
@testable import HeraldTestSupport

/// Every test of the Mustache specification's modules that Herald supports, from the official
/// JSON files (v1.4.2) in the shared reference folder beside the repository, read as they are.
/// Lambdas and dynamic names are optional modules Herald does not implement, so their files are
/// not listed.
@Suite struct MustacheSpecTests {
    static let folder = "\(RepositoryPaths.root)/../shared/reference/mustache-spec"
    static let files = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance",
    ]
    /// How many tests v1.4.2 has in those files, so that a file read short cannot pass unnoticed.
    static let specTestCount = 163

    static func cases() throws -> [MustacheSpecCase] {
        try files.flatMap { file in
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(file).json"))
            return try JSONDecoder().decode(MustacheSpecFile.self, from: data).tests.map {
                var test = $0
                test.file = file
                return test
            }
        }
    }

    @Test func everyTestOfTheListedFilesRuns() throws {
        let cases = try Self.cases()
        #expect(cases.count == Self.specTestCount)
        #expect(Set(cases.map(\.file)) == Set(Self.files))
    }

    @Test(arguments: try MustacheSpecTests.cases())
    func specTest(_ test: MustacheSpecCase) throws {
        // The spec's template is rendered under the empty name, which no partial tag can use.
        var templates = ["": try TemplateParser.parse(test.template)]
        for (name, text) in test.partials ?? [:] { templates[name] = try TemplateParser.parse(text) }
        let rendered = try #require(
            try TemplateRenderer(templates: templates).render(
                "", with: test.data.value ?? .object(TemplateObject())))
        #expect(String(decoding: rendered, as: UTF8.self) == test.expected, "\(test.desc)")
    }
}

/// One spec file: its tests (the overview is not needed).
struct MustacheSpecFile: Decodable {
    var tests: [MustacheSpecCase]
}

/// One spec test: a template, its data and partials, and the expected output.
struct MustacheSpecCase: Decodable, Sendable, CustomTestStringConvertible {
    /// The file the test is from, without `.json`; set after decoding.
    var file = ""
    var name: String
    var desc: String
    var data: MustacheSpecValue
    var template: String
    var partials: [String: String]?
    var expected: String

    private enum CodingKeys: String, CodingKey {
        case name, desc, data, template, partials, expected
    }

    var testDescription: String { "\(file): \(name)" }
}

/// A JSON value of a spec test's `data`.
enum MustacheSpecValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([MustacheSpecValue])
    case object([String: MustacheSpecValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            self = .int(int)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let list = try? container.decode([MustacheSpecValue].self) {
            self = .list(list)
        } else {
            self = .object(try container.decode([String: MustacheSpecValue].self))
        }
    }

    /// The value as Herald's templates see it; nil for `null`, which is left out of its object
    /// or list, as `TemplateTree` leaves out a nil optional: missing, so falsey and rendered as
    /// nothing.
    var value: TemplateValue? {
        switch self {
        case .null: nil
        case .bool(let bool): .bool(bool)
        case .int(let int): .int(int)
        case .double(let double): .double(double)
        case .string(let string): .string(string)
        case .list(let items): .list(items.compactMap(\.value))
        case .object(let properties):
            .object(
                properties.reduce(into: TemplateObject()) { object, property in
                    if let value = property.value.value { object.append(value, named: property.key) }
                })
        }
    }
}
