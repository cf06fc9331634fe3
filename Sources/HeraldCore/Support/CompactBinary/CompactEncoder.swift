/// Writes a value in the `CompactBinary` form into a shared `ByteSink`.
struct CompactEncoder: Encoder {
    let sink: ByteSink
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedWriter(sink: sink) }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueWriter(sink: sink) }
}

/// Each value as its key's name then the value; an optional one with a presence byte first.
struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: ByteSink
    var codingPath: [any CodingKey] { [] }

    private func write(_ value: some CompactPrimitive, _ key: Key) {
        sink.write(key: key)
        value.write(to: sink)
    }

    private func writeIfPresent(_ value: (some CompactPrimitive)?, _ key: Key) {
        sink.write(key: key)
        sink.write(UInt8(value == nil ? 0 : 1))
        value?.write(to: sink)
    }

    mutating func encodeNil(forKey key: Key) throws { sink.fail("nil for key `\(key.stringValue)`") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: String, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { write(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { write(value, key) }
    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        sink.write(key: key)
        try value.encode(to: CompactEncoder(sink: sink))
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { writeIfPresent(value, key) }
    mutating func encodeIfPresent<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        sink.write(key: key)
        sink.write(UInt8(value == nil ? 0 : 1))
        try value?.encode(to: CompactEncoder(sink: sink))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        sink.write(key: key)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.write(key: key)
        return UnkeyedWriter(sink: sink)
    }

    mutating func superEncoder() -> any Encoder {
        sink.fail("superEncoder")
        return CompactEncoder(sink: sink)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        sink.fail("superEncoder")
        return CompactEncoder(sink: sink)
    }
}

/// A count (patched as elements are added), then the elements.
struct UnkeyedWriter: UnkeyedEncodingContainer {
    let sink: ByteSink
    private let countOffset: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(sink: ByteSink) {
        self.sink = sink
        countOffset = sink.bytes.count
        sink.write(UInt32(0))
    }

    private mutating func added() {
        count += 1
        sink.patch(count: count, at: countOffset)
    }

    private mutating func write(_ value: some CompactPrimitive) {
        added()
        value.write(to: sink)
    }

    mutating func encodeNil() throws { sink.fail("nil in a list") }
    mutating func encode(_ value: Bool) throws { write(value) }
    mutating func encode(_ value: String) throws { write(value) }
    mutating func encode(_ value: Double) throws { write(value) }
    mutating func encode(_ value: Float) throws { write(value) }
    mutating func encode(_ value: Int) throws { write(value) }
    mutating func encode(_ value: Int8) throws { write(value) }
    mutating func encode(_ value: Int16) throws { write(value) }
    mutating func encode(_ value: Int32) throws { write(value) }
    mutating func encode(_ value: Int64) throws { write(value) }
    mutating func encode(_ value: UInt) throws { write(value) }
    mutating func encode(_ value: UInt8) throws { write(value) }
    mutating func encode(_ value: UInt16) throws { write(value) }
    mutating func encode(_ value: UInt32) throws { write(value) }
    mutating func encode(_ value: UInt64) throws { write(value) }
    mutating func encode<Value: Encodable>(_ value: Value) throws {
        added()
        try value.encode(to: CompactEncoder(sink: sink))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        added()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        added()
        return UnkeyedWriter(sink: sink)
    }

    mutating func superEncoder() -> any Encoder {
        sink.fail("superEncoder")
        return CompactEncoder(sink: sink)
    }
}

/// The value alone.
struct SingleValueWriter: SingleValueEncodingContainer {
    let sink: ByteSink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.fail("a nil value") }
    mutating func encode(_ value: Bool) throws { value.write(to: sink) }
    mutating func encode(_ value: String) throws { value.write(to: sink) }
    mutating func encode(_ value: Double) throws { value.write(to: sink) }
    mutating func encode(_ value: Float) throws { value.write(to: sink) }
    mutating func encode(_ value: Int) throws { value.write(to: sink) }
    mutating func encode(_ value: Int8) throws { value.write(to: sink) }
    mutating func encode(_ value: Int16) throws { value.write(to: sink) }
    mutating func encode(_ value: Int32) throws { value.write(to: sink) }
    mutating func encode(_ value: Int64) throws { value.write(to: sink) }
    mutating func encode(_ value: UInt) throws { value.write(to: sink) }
    mutating func encode(_ value: UInt8) throws { value.write(to: sink) }
    mutating func encode(_ value: UInt16) throws { value.write(to: sink) }
    mutating func encode(_ value: UInt32) throws { value.write(to: sink) }
    mutating func encode(_ value: UInt64) throws { value.write(to: sink) }
    mutating func encode<Value: Encodable>(_ value: Value) throws {
        try value.encode(to: CompactEncoder(sink: sink))
    }
}
