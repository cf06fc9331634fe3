import HeraldCore

/// A view model as the templates see it: strings, numbers, booleans, lists and objects whose
/// properties are looked up by name. Made from `Encodable` view models by `TemplateTree.make`.
///
/// A nil optional is absent from its object, so a name missing here is looked up in the
/// enclosing contexts, as Mustache specifies.
package enum TemplateValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case double(Double)
    case object(TemplateObject)
    case list([TemplateValue])
}

/// The properties of one view model, by name, in declaration order.
///
/// A class because `Encoder` containers fill an object after it has been placed in its
/// parent; once `TemplateTree.make` returns, nothing changes it again.
package final class TemplateObject {
    private(set) var names: [String] = []
    private(set) var values: [TemplateValue] = []

    package init() {}

    /// A linear scan: view models have a few dozen properties at most, and short names compare
    /// faster than they hash.
    package func child(named name: String) -> TemplateValue? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return values[index]
    }

    package func append(_ value: TemplateValue, named name: String) {
        names.append(name)
        values.append(value)
    }

    package func replaceValue(at index: Int, with value: TemplateValue) {
        values[index] = value
    }
}
