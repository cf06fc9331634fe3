/// Coding a small value of fixed fields as the list of them, in order, rather than keyed: with
/// `CompactBinary` a keyed container costs an allocation and runtime type lookups of its own,
/// a list neither. For the types a parse record holds by the tens of thousands (`SourceLocation`
/// and the others that say they are coded this way); a field added to one of them is added to
/// its list too (`CodedAsListTests` counts them).
package enum FieldList {
    @inlinable
    package static func decode<each Field: Decodable>(_ decoder: any Decoder) throws -> (repeat each Field) {
        var fields = try decoder.unkeyedContainer()
        func next<Value: Decodable>(_ type: Value.Type) throws -> Value { try fields.decode(type) }
        return (repeat try next((each Field).self))
    }

    @inlinable
    package static func encode<each Field: Encodable>(_ field: repeat each Field, to encoder: any Encoder)
        throws
    {
        var fields = encoder.unkeyedContainer()
        repeat try fields.encode(each field)
    }

    /// An optional field as the list (`none` or `one`) that stands for it: a list of fields
    /// cannot hold a nil (`CompactBinary` has no way to write one outside a keyed field).
    package enum OptionalField<Wrapped: Codable>: Codable {
        case none
        case one(Wrapped)

        package init(_ value: Wrapped?) {
            self = value.map { .one($0) } ?? .none
        }

        package var value: Wrapped? {
            guard case .one(let value) = self else { return nil }
            return value
        }

        package init(from decoder: any Decoder) throws {
            var list = try decoder.unkeyedContainer()
            guard let count = list.count, count <= 1 else {
                throw DecodingError.dataCorruptedError(
                    in: list, debugDescription: "an optional field is a list of at most one value")
            }
            self = count == 0 ? .none : .one(try list.decode(Wrapped.self))
        }

        package func encode(to encoder: any Encoder) throws {
            var list = encoder.unkeyedContainer()
            if case .one(let value) = self { try list.encode(value) }
        }
    }
}
