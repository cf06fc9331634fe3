import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element, read with Foundation's `XMLParser` (an independent parser).
package final class XMLNode {
    package let name: String
    package let attributes: [String: String]
    package var children: [XMLNode] = []
    package var text = ""

    package init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    package func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    package func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    package func text(_ name: String) -> String? { first(name)?.text }

    /// Parses `data`; nil if it is not well-formed.
    package static func parse(_ data: Data) -> XMLNode? {
        let parser = XMLParser(data: data)
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse() else { return nil }
        return builder.root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        package var root: XMLNode?
        private var stack: [XMLNode] = []

        package func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let node = XMLNode(name: elementName, attributes: attributeDict)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        package func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?
        ) {
            stack.removeLast()
        }

        package func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
