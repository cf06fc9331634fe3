/// Builds an XML document element by element; every text and attribute value goes through
/// `XMLEscaping`, and nesting through closures, so the output is always well-formed.
package struct XMLWriter {
    /// An attribute in the order it is written.
    package typealias Attribute = (name: String, value: String)

    package private(set) var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    private var depth = 0

    package init() {}

    /// An element holding other elements.
    package mutating func element(
        _ name: String, _ attributes: [Attribute] = [], children: (inout XMLWriter) -> Void
    ) {
        indent()
        text += "<\(name)\(Self.render(attributes))>\n"
        depth += 1
        children(&self)
        depth -= 1
        indent()
        text += "</\(name)>\n"
    }

    /// An element holding text, or an empty element when `content` is nil.
    package mutating func element(_ name: String, _ attributes: [Attribute] = [], text content: String? = nil)
    {
        indent()
        if let content {
            text += "<\(name)\(Self.render(attributes))>\(XMLEscaping.escape(content))</\(name)>\n"
        } else {
            text += "<\(name)\(Self.render(attributes))/>\n"
        }
    }

    private mutating func indent() {
        text += String(repeating: "  ", count: depth)
    }

    private static func render(_ attributes: [Attribute]) -> String {
        attributes.map { " \($0.name)=\"\(XMLEscaping.escape($0.value))\"" }.joined()
    }
}
