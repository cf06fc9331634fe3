import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// What one incident, maintenance or post file yields, with what the checks across files need.
///
/// `Codable` for `ParseMemo`, all but `file`: as a list of its fields (`FieldList`), which
/// `ParseMemoTests` counts, so a field added fails a test until it is recorded too.
package struct ParsedDocument {
    package enum Item {
        case incident(Incident)
        case maintenance(Maintenance)
        case post(Post)
    }

    @SuppliedByLoad package var file: ContentFile
    /// What stands for `file` in a record, until the load that finds the record puts it back.
    static let fileLeftOut = ContentFile(path: "", kind: .incident, text: "")
    /// The slug (from `slug:` or the file name), nil when it is not valid.
    package var slug: String?
    /// The `slug:` value, or the file's start when the slug comes from the file name.
    var slugLocation: SourceLocation
    var isDraft = false
    /// Incident slugs this document names (`related`, a post's `incidents`).
    var incidentReferences: [Reference] = []
    /// Cluster ids it names anywhere.
    var clusters: Set<String> = []
    /// Where an incident's `started` value and each update's `at` (oldest first, as in `Incident.updates`)
    /// are written, for warnings about its timeline.
    var startedLocation: SourceLocation?
    var updateLocations: [SourceLocation] = []
    /// nil when the file had errors.
    package var item: Item?
    package var diagnostics: [Diagnostic] = []
    /// The links of the item's page texts, for the link check; nil when there are none (most
    /// files: cheaper to record and to read back).
    var links: TextLinks?
}

extension ParsedDocument.Item {
    /// See `Incident.pageTexts`.
    var pageTexts: [MarkdownText] {
        switch self {
        case .incident(let incident): incident.pageTexts
        case .maintenance(let maintenance): maintenance.pageTexts
        case .post(let post): post.pageTexts
        }
    }
}

extension ParsedDocument: Codable {
    package init(from decoder: any Decoder) throws {
        let slug: FieldList.OptionalField<String>
        let startedLocation: FieldList.OptionalField<SourceLocation>
        let item: FieldList.OptionalField<Item>
        let links: FieldList.OptionalField<TextLinks>
        (
            slug, slugLocation, isDraft, incidentReferences, clusters, startedLocation, updateLocations, item,
            diagnostics, links
        ) = try FieldList.decode(decoder)
        _file = SuppliedByLoad(wrappedValue: Self.fileLeftOut)
        self.slug = slug.value
        self.startedLocation = startedLocation.value
        self.item = item.value
        self.links = links.value
    }

    package func encode(to encoder: any Encoder) throws {
        try FieldList.encode(
            FieldList.OptionalField(slug), slugLocation, isDraft, incidentReferences, clusters,
            FieldList.OptionalField(startedLocation), updateLocations, FieldList.OptionalField(item),
            diagnostics, FieldList.OptionalField(links), to: encoder)
    }
}

/// Coded as its case's number (`Case`), then its value.
extension ParsedDocument.Item: Codable {
    private enum Case: UInt8 {
        case incident, maintenance, post
    }

    package init(from decoder: any Decoder) throws {
        var fields = try decoder.unkeyedContainer()
        switch Case(rawValue: try fields.decode(UInt8.self)) {
        case .incident: self = .incident(try fields.decode(Incident.self))
        case .maintenance: self = .maintenance(try fields.decode(Maintenance.self))
        case .post: self = .post(try fields.decode(Post.self))
        case nil: throw DecodingError.dataCorruptedError(in: fields, debugDescription: "not an item's case")
        }
    }

    package func encode(to encoder: any Encoder) throws {
        switch self {
        case .incident(let incident): try FieldList.encode(Case.incident.rawValue, incident, to: encoder)
        case .maintenance(let maintenance):
            try FieldList.encode(Case.maintenance.rawValue, maintenance, to: encoder)
        case .post(let post): try FieldList.encode(Case.post.rawValue, post, to: encoder)
        }
    }
}

/// A slug named by one document, to be checked once every file is read.
struct Reference: Codable {
    var slug: String
    var location: SourceLocation
    /// The key it appeared under, for messages.
    var field: String
}

/// The file a document was parsed from, which its `ParseMemo` record leaves out: the load that
/// finds the record has the file, and puts it back (`ParseMemo.document(for:)`).
@propertyWrapper
package struct SuppliedByLoad: Codable {
    package var wrappedValue: ContentFile

    package init(wrappedValue: ContentFile) {
        self.wrappedValue = wrappedValue
    }

    /// A placeholder, replaced by the loaded file.
    package init(from decoder: any Decoder) {
        wrappedValue = ParsedDocument.fileLeftOut
    }

    package func encode(to encoder: any Encoder) {}
}
