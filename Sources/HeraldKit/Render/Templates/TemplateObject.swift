import Mustache

/// A view model as the templates see it: its stored properties by name, in declaration order.
///
/// swift-mustache looks names up through `MustacheParent` instead of `Mirror` (which scans
/// every property with dynamic casts on each lookup, the largest cost of rendering a page).
/// Values are plain `String`, `Int`, `Bool`, `Double`, arrays and nested objects, so sections,
/// inverted sections and transforms (`empty(list)`, `count(list)`, `sorted(strings)`) behave as
/// they did on the Swift structs. A property whose value is nil is absent, so a name missing
/// here is looked up in the enclosing contexts exactly as `Mirror` lookup did.
final class TemplateObject: MustacheParent {
    private(set) var names: [String] = []
    private(set) var values: [Any] = []

    init() {}

    func child(named name: String) -> Any? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return values[index]
    }

    func append(_ value: Any, named name: String) {
        names.append(name)
        values.append(value)
    }

    func replaceValue(at index: Int, with value: Any) {
        values[index] = value
    }
}
