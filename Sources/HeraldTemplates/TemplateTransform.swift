import Foundation
import HeraldCore

/// The transforms a template may apply to a value, written like calls: `{{^empty(tags)}}`,
/// `{{count(items)}}`, `{{#first()}}` (the position in the list being iterated). The same names
/// and results as swift-mustache's, so themes written for it keep working.
enum TemplateTransform {
    /// Applies `transforms` from the inside out; nil when one does not apply.
    static func apply(_ transforms: [String], to value: TemplateValue) -> TemplateValue? {
        var current = value
        for transform in transforms.reversed() {
            guard let next = apply(transform, to: current) else { return nil }
            current = next
        }
        return current
    }

    static func apply(_ transforms: [String], to position: ListPosition) -> TemplateValue? {
        guard let innermost = transforms.last else { return nil }
        let value: TemplateValue
        switch innermost {
        case "first": value = .bool(position.index == 0)
        case "last": value = .bool(position.index == position.count - 1)
        case "index": value = .int(position.index)
        case "even": value = .bool(position.index % 2 == 0)
        case "odd": value = .bool(position.index % 2 == 1)
        default: return nil
        }
        return apply(Array(transforms.dropLast()), to: value)
    }

    private static func apply(_ transform: String, to value: TemplateValue) -> TemplateValue? {
        switch (value, transform) {
        case (.string(let string), "empty"): .bool(string.isEmpty)
        case (.string(let string), "capitalized"): .string(string.capitalized)
        case (.string(let string), "lowercased"): .string(string.lowercased())
        case (.string(let string), "uppercased"): .string(string.uppercased())
        case (.string(let string), "reversed"): .string(String(string.reversed()))
        case (.list(let items), "first"): items.first
        case (.list(let items), "last"): items.last
        case (.list(let items), "reversed"): .list(items.reversed())
        case (.list(let items), "count"): .int(items.count)
        case (.list(let items), "empty"): .bool(items.isEmpty)
        case (.list(let items), "sorted"): sorted(items)
        case (.int(let int), "equalzero"): .bool(int == 0)
        case (.int(let int), "plusone"): .int(int + 1)
        case (.int(let int), "minusone"): .int(int - 1)
        case (.int(let int), "even"): .bool(int % 2 == 0)
        case (.int(let int), "odd"): .bool(int % 2 != 0)
        default: nil
        }
    }

    /// A list of strings or of numbers, sorted; nil for other lists.
    private static func sorted(_ items: [TemplateValue]) -> TemplateValue? {
        let strings = items.compactMap { if case .string(let string) = $0 { string } else { nil } }
        if strings.count == items.count { return .list(strings.sorted().map(TemplateValue.string)) }
        let ints = items.compactMap { if case .int(let int) = $0 { int } else { nil } }
        if ints.count == items.count { return .list(ints.sorted().map(TemplateValue.int)) }
        return nil
    }
}
