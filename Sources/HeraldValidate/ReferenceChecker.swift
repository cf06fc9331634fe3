import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// The checks that need every file: unique slugs per kind, and incident references that resolve.
///
/// Uses dictionaries throughout, so the cost grows with the number of files, not its square.
struct ReferenceChecker {
    private let documents: [ParsedDocument]
    /// Kind → slug → the first file using it.
    private var owners: [String: [String: String]] = [:]
    /// Incident slugs in file order, for did-you-mean hints.
    private var incidentSlugs: [String] = []

    init(documents: [ParsedDocument]) {
        self.documents = documents
    }

    mutating func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for document in documents {
            guard let slug = document.slug else { continue }
            let kind = document.file.kind.rawValue
            if let first = owners[kind]?[slug] {
                diagnostics.append(
                    .error(
                        at: document.slugLocation,
                        "duplicate \(document.file.kind.noun) slug `\(slug)`: \(first) already uses it; "
                            + "set a different `slug:`"))
                continue
            }
            owners[kind, default: [:]][slug] = document.file.path
            if document.file.kind == .incident { incidentSlugs.append(slug) }
        }
        let incidents = owners[ContentKind.incident.rawValue] ?? [:]
        for document in documents {
            for reference in document.incidentReferences where incidents[reference.slug] == nil {
                diagnostics.append(.error(at: reference.location, message(for: reference)))
            }
        }
        return diagnostics
    }

    private func message(for reference: Reference) -> String {
        var message = "unknown incident `\(reference.slug)` in `\(reference.field)`"
        if let path = owners[ContentKind.maintenance.rawValue]?[reference.slug] {
            message +=
                "; `\(reference.slug)` is a maintenance (\(path)), and `\(reference.field)` names incidents"
        } else if let path = owners[ContentKind.post.rawValue]?[reference.slug] {
            message += "; `\(reference.slug)` is a post (\(path)), and `\(reference.field)` names incidents"
        } else {
            message += Suggestion.hint(for: reference.slug, in: incidentSlugs)
        }
        return message
    }
}
