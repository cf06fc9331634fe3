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
}
