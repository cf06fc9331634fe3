import HeraldCore

/// Turns an `Encodable` view model into the `TemplateValue` tree that the templates render,
/// using the synthesised `Encodable` conformance (so a new property of a view model reaches the
/// templates without another list of names to keep in step).
///
/// Optional properties that are nil are skipped by the synthesised code and so are absent.
package enum TemplateTree {
    package static func make(_ model: any Encodable) -> TemplateValue {
        let encoder = TreeEncoder()
        do {
            try model.encode(to: encoder)
        } catch {
            // TreeEncoder never throws; an empty model would render the bare template.
            return .object(TemplateObject())
        }
        return encoder.storage.value ?? .object(TemplateObject())
    }

    /// The tree of a nested value: scalars as they are, anything else through its `encode(to:)`.
    fileprivate static func value(of value: some Encodable) throws -> TemplateValue? {
        switch value {
        case let string as String: return .string(string)
        case let int as Int: return .int(int)
        case let bool as Bool: return .bool(bool)
        case let double as Double: return .double(double)
        default:
            let encoder = TreeEncoder()
            try value.encode(to: encoder)
            return encoder.storage.value
        }
    }
}

/// Where one encoder's result goes: nothing yet, a scalar, an object or a list.
private final class TreeStorage {
    var scalar: TemplateValue?
    var object: TemplateObject?
    var list: [TemplateValue]?

    var value: TemplateValue? {
        if let object { return .object(object) }
        if let list { return .list(list) }
        return scalar
    }
}

private struct TreeEncoder: Encoder {
    let storage = TreeStorage()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object = storage.object ?? TemplateObject()
        storage.object = object
        return KeyedEncodingContainer(KeyedContainer<Key>(object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if storage.list == nil { storage.list = [] }
        return UnkeyedContainer(storage: storage)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(storage: storage)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: TemplateObject
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        if let tree = try TemplateTree.value(of: value) { object.append(tree, named: key.stringValue) }
    }

    // The scalar overloads the synthesised conformances call directly, without the generic
    // path's dynamic casts.
    mutating func encode(_ value: String, forKey key: Key) throws {
        object.append(.string(value), named: key.stringValue)
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        object.append(.int(value), named: key.stringValue)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        object.append(.bool(value), named: key.stringValue)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        object.append(.double(value), named: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = TemplateObject()
        object.append(.object(nested), named: key.stringValue)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested))
    }

    /// Not used by synthesised conformances (they encode arrays as values); the list is written
    /// back into the object after every element.
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let storage = TreeStorage()
        storage.list = []
        let object = object
        let index = object.names.count
        object.append(.list([]), named: key.stringValue)
        return UnkeyedContainer(storage: storage) { object.replaceValue(at: index, with: $0) }
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder() }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let storage: TreeStorage
    /// Called with the list after each element, for lists nested by key.
    var writeBack: ((TemplateValue) -> Void)? = nil
    var codingPath: [any CodingKey] { [] }
    var count: Int { storage.list?.count ?? 0 }

    mutating func encodeNil() throws {}

    mutating func encode(_ value: some Encodable) throws {
        if let tree = try TemplateTree.value(of: value) { append(tree) }
    }

    mutating func encode(_ value: String) throws { append(.string(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<
            NestedKey
        >
    {
        let nested = TemplateObject()
        append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = TreeStorage()
        nested.list = []
        let index = count
        append(.list([]))
        let storage = storage
        let writeBack = writeBack
        return UnkeyedContainer(storage: nested) { list in
            storage.list?[index] = list
            writeBack?(.list(storage.list ?? []))
        }
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder() }

    private func append(_ value: TemplateValue) {
        storage.list?.append(value)
        if let writeBack { writeBack(.list(storage.list ?? [])) }
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let storage: TreeStorage
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {}

    mutating func encode(_ value: some Encodable) throws {
        storage.scalar = try TemplateTree.value(of: value)
    }
}
