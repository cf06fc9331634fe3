/// Reads a value in the `CompactBinary` form from a shared `ByteSource`.
struct CompactDecoder: Decoder {
    let source: ByteSource
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader<Key>(source: source))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try UnkeyedReader(source: source) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueReader(source: source)
    }
}

/// Reads keyed values in the order they were written, checking each key's name.
struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: ByteSource
    var codingPath: [any CodingKey] { [] }

    /// The next key only: enough for an enum's case, which is all synthesized code asks for.
    var allKeys: [Key] { source.peekKey().flatMap(Key.init(stringValue:)).map { [$0] } ?? [] }

    func contains(_ key: Key) -> Bool { source.nextKey(is: key) != nil }

    private func read<Value: CompactPrimitive>(_ key: Key) throws(CompactBinary.Failure) -> Value {
        try source.expect(key: key)
        return try Value.read(from: source)
    }

    /// Whether an optional value follows. A key that is not next was left out, which reads as
    /// nil: what a hand-written `encode(to:)` that skips nil values means (`TimeZone`'s does).
    private func present(_ key: Key) throws(CompactBinary.Failure) -> Bool {
        guard source.nextKey(is: key) != nil else { return false }
        try source.expect(key: key)
        return try source.read(Bool.self)
    }

    private func readIfPresent<Value: CompactPrimitive>(_ key: Key) throws(CompactBinary.Failure) -> Value? {
        try present(key) ? try Value.read(from: source) : nil
    }

    func decodeNil(forKey key: Key) throws -> Bool { throw CompactBinary.Failure.unsupported("decodeNil") }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try read(key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try read(key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try read(key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try read(key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try read(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try read(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try read(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try read(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try read(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try read(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try read(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try read(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try read(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try read(key) }
    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try source.expect(key: key)
        return try Value(from: CompactDecoder(source: source))
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try readIfPresent(key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try readIfPresent(key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try readIfPresent(key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try readIfPresent(key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try readIfPresent(key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try readIfPresent(key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try readIfPresent(key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try readIfPresent(key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try readIfPresent(key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try readIfPresent(key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try readIfPresent(key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try readIfPresent(key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try readIfPresent(key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try readIfPresent(key) }
    func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        try present(key) ? try Value(from: CompactDecoder(source: source)) : nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try source.expect(key: key)
        return KeyedDecodingContainer(KeyedReader<NestedKey>(source: source))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try source.expect(key: key)
        return try UnkeyedReader(source: source)
    }

    func superDecoder() throws -> any Decoder { throw CompactBinary.Failure.unsupported("superDecoder") }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        throw CompactBinary.Failure.unsupported("superDecoder")
    }
}

/// Reads a count, then that many elements.
struct UnkeyedReader: UnkeyedDecodingContainer {
    let source: ByteSource
    /// Stored as an `Int`, not the protocol's `Int?`: three words fit in an existential's inline
    /// buffer, so handing the reader out as `any UnkeyedDecodingContainer` (once per list) does
    /// not allocate.
    private let elementCount: Int
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { elementCount }

    init(source: ByteSource) throws(CompactBinary.Failure) {
        self.source = source
        elementCount = Int(try source.read(UInt32.self))
    }

    var isAtEnd: Bool { currentIndex >= elementCount }

    private mutating func next() throws(CompactBinary.Failure) {
        guard !isAtEnd else { throw .malformed }
        currentIndex += 1
    }

    private mutating func read<Value: CompactPrimitive>() throws(CompactBinary.Failure) -> Value {
        try next()
        return try Value.read(from: source)
    }

    mutating func decodeNil() throws -> Bool { throw CompactBinary.Failure.unsupported("decodeNil") }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try read() }
    mutating func decode(_ type: String.Type) throws -> String { try read() }
    mutating func decode(_ type: Double.Type) throws -> Double { try read() }
    mutating func decode(_ type: Float.Type) throws -> Float { try read() }
    mutating func decode(_ type: Int.Type) throws -> Int { try read() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try read() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try read() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try read() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try read() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try read() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try read() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try read() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try read() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try read() }
    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try next()
        return try Value(from: CompactDecoder(source: source))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next()
        return KeyedDecodingContainer(KeyedReader<NestedKey>(source: source))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next()
        return try UnkeyedReader(source: source)
    }

    mutating func superDecoder() throws -> any Decoder {
        throw CompactBinary.Failure.unsupported("superDecoder")
    }
}

/// Reads the value alone.
struct SingleValueReader: SingleValueDecodingContainer {
    let source: ByteSource
    var codingPath: [any CodingKey] { [] }

    /// Never nil: a nil was never written (`encodeNil` fails the encoding), so an optional that
    /// is not a keyed field was present.
    func decodeNil() -> Bool { false }
    func decode(_ type: Bool.Type) throws -> Bool { try Bool.read(from: source) }
    func decode(_ type: String.Type) throws -> String { try String.read(from: source) }
    func decode(_ type: Double.Type) throws -> Double { try Double.read(from: source) }
    func decode(_ type: Float.Type) throws -> Float { try Float.read(from: source) }
    func decode(_ type: Int.Type) throws -> Int { try Int.read(from: source) }
    func decode(_ type: Int8.Type) throws -> Int8 { try Int8.read(from: source) }
    func decode(_ type: Int16.Type) throws -> Int16 { try Int16.read(from: source) }
    func decode(_ type: Int32.Type) throws -> Int32 { try Int32.read(from: source) }
    func decode(_ type: Int64.Type) throws -> Int64 { try Int64.read(from: source) }
    func decode(_ type: UInt.Type) throws -> UInt { try UInt.read(from: source) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try UInt8.read(from: source) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try UInt16.read(from: source) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try UInt32.read(from: source) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try UInt64.read(from: source) }
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try Value(from: CompactDecoder(source: source))
    }
}
