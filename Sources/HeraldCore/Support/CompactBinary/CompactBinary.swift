/// A compact binary form of any `Codable` value, for cache records that must load much faster
/// than the YAML they were parsed from.
///
/// Values are written in encoding order: a keyed value as its key's name then the value, an
/// optional one (`encodeIfPresent`) with a 0 or 1 byte before it, a list as its count then the
/// elements, integers and floating-point numbers as fixed-width little-endian bytes, strings as
/// their UTF-8 length then bytes. A string of 16 to 512 bytes written before in the same value
/// is written as a reference to the first instead (`sharedReference`, then its number among
/// such strings): a parse record repeats its file's path in every source location, and reading
/// each copy was an allocation of its own. Reading follows the same order and checks every
/// key's name, so types with synthesized `Codable` conformances read back exactly what they
/// wrote, fields added later included. (An optional whose key is not next reads as nil: a
/// hand-written `encode(to:)` left it out, as `TimeZone`'s does.)
///
/// What the format cannot say fails instead of guessing: `encodeNil` (a nil outside a keyed
/// optional), `superEncoder`, and on reading any key, length or marker that does not match. A
/// caller treats a failure as "no record".
package enum CompactBinary {
    package enum Failure: Error, Equatable {
        /// The value uses a part of the `Encoder` protocol this format does not support.
        case unsupported(String)
        /// The bytes are not what the type being read wrote.
        case malformed
    }

    /// In place of a string's length: the string is the one whose number among shared strings
    /// follows. No string is that long: content files are at most 64 MiB.
    static let sharedReference = UInt32.max

    /// Whether strings of `length` UTF-8 bytes are shared: long enough to be stored on the heap
    /// (shorter ones are held inline), short enough that looking them up costs little
    /// (Markdown texts are rarely repeated).
    static func isShared(length: Int) -> Bool { (16...512).contains(length) }

    package static func encode<Value: Encodable>(_ value: Value) throws(Failure) -> [UInt8] {
        let sink = ByteSink()
        do {
            try value.encode(to: CompactEncoder(sink: sink))
        } catch {
            throw (error as? Failure) ?? .unsupported("\(error)")
        }
        if let unsupported = sink.unsupported { throw .unsupported(unsupported) }
        return sink.bytes
    }

    package static func decode<Value: Decodable>(_ type: Value.Type, from bytes: UnsafeRawBufferPointer)
        throws(Failure) -> Value
    {
        let source = ByteSource(bytes)
        let value: Value
        do {
            value = try Value(from: CompactDecoder(source: source))
        } catch {
            throw (error as? Failure) ?? .malformed
        }
        guard source.isAtEnd else { throw .malformed }
        return value
    }
}
