import HeraldCore
import HeraldLoad
import HeraldMarkdown
import Yams

/// The known keys of one YAML mapping, with where the mapping starts (for "missing field" errors).
struct Fields {
    struct Entry {
        var key: Node
        var value: Node
    }

    var location: SourceLocation
    var entries: [String: Entry] = [:]

    /// The value of `key`, or nil when it is absent or null (`key:` with nothing after it).
    subscript(key: String) -> Node? {
        guard let value = entries[key]?.value, !YAMLReader.isNull(value) else { return nil }
        return value
    }

    func keyNode(_ key: String) -> Node? { entries[key]?.key }
}
