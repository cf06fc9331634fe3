/// The bytes `CompactEncoder` writes, shared by all its containers (encoding is depth first, so
/// they append in turn).
final class ByteSink {
    var bytes: [UInt8] = []
    /// The first unsupported use of the `Encoder` protocol, which fails the whole encoding.
    var unsupported: String?
    /// Each shared string written so far (`CompactBinary.isShared`) by its number among them.
    private var shared: [UTF8Bytes: UInt32] = [:]

    func write<Integer: FixedWidthInteger>(_ value: Integer) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func write(_ string: String) {
        var string = string
        let length = string.utf8.count
        if CompactBinary.isShared(length: length) {
            if let number = shared[UTF8Bytes(string)] {
                write(CompactBinary.sharedReference)
                write(number)
                return
            }
            shared[UTF8Bytes(string)] = UInt32(shared.count)
        }
        write(UInt32(length))
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A key's name: one length byte, then its UTF-8.
    func write(key: some CodingKey) {
        var name = key.stringValue
        guard name.utf8.count <= Int(UInt8.max) else {
            unsupported = unsupported ?? "key `\(name)` is too long"
            return
        }
        bytes.append(UInt8(name.utf8.count))
        name.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Overwrites the 4-byte count at `offset` (a list's, known only as its elements are written).
    func patch(count: Int, at offset: Int) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: count).littleEndian) { count in
            for index in 0..<4 { bytes[offset + index] = count[index] }
        }
    }

    func fail(_ what: String) {
        unsupported = unsupported ?? what
    }
}

/// The bytes `CompactDecoder` reads, with the position shared by all its containers.
final class ByteSource {
    let bytes: UnsafeRawBufferPointer
    var position = 0
    /// The shared strings read so far, in the order `ByteSink` numbered them.
    private var shared: [String] = []

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position == bytes.count }

    func read<Integer: FixedWidthInteger>(_: Integer.Type) throws(CompactBinary.Failure) -> Integer {
        let size = MemoryLayout<Integer>.size
        guard bytes.count - position >= size else { throw .malformed }
        let value = bytes.loadUnaligned(fromByteOffset: position, as: Integer.self)
        position += size
        return Integer(littleEndian: value)
    }

    func read(_: String.Type) throws(CompactBinary.Failure) -> String {
        let length = try read(UInt32.self)
        if length == CompactBinary.sharedReference {
            let number = Int(try read(UInt32.self))
            guard number < shared.count else { throw .malformed }
            return shared[number]
        }
        let count = Int(length)
        guard bytes.count - position >= count else { throw .malformed }
        let string = String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + count]), as: UTF8.self)
        position += count
        if CompactBinary.isShared(length: count) { shared.append(string) }
        return string
    }

    func read(_: Bool.Type) throws(CompactBinary.Failure) -> Bool {
        switch try read(UInt8.self) {
        case 0: false
        case 1: true
        default: throw .malformed
        }
    }

    /// Reads the next key's name and checks it is `key`'s.
    func expect(key: some CodingKey) throws(CompactBinary.Failure) {
        guard let length = nextKey(is: key) else { throw .malformed }
        position += 1 + length
    }

    /// The length of the next key's name when it is `key`'s (not consumed), else nil.
    func nextKey(is key: some CodingKey) -> Int? {
        guard let length = nextKeyLength() else { return nil }
        var name = key.stringValue
        let stored = UnsafeRawBufferPointer(rebasing: bytes[position + 1..<position + 1 + length])
        return name.withUTF8 { $0.elementsEqual(stored) } ? length : nil
    }

    /// The next key's name, not consumed; nil when what follows is not a key.
    func peekKey() -> String? {
        guard let length = nextKeyLength() else { return nil }
        return String(
            decoding: UnsafeRawBufferPointer(rebasing: bytes[position + 1..<position + 1 + length]),
            as: UTF8.self)
    }

    private func nextKeyLength() -> Int? {
        guard position < bytes.count else { return nil }
        let length = Int(bytes[position])
        return bytes.count - position - 1 >= length ? length : nil
    }
}

/// A string compared and hashed by its UTF-8 bytes: `String`'s own equality is canonical
/// equivalence, under which two different byte sequences can be equal, and a record must read
/// back the very bytes it was given.
private struct UTF8Bytes: Hashable {
    let string: String

    init(_ string: String) {
        self.string = string
    }

    static func == (lhs: UTF8Bytes, rhs: UTF8Bytes) -> Bool {
        lhs.string.utf8.elementsEqual(rhs.string.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
