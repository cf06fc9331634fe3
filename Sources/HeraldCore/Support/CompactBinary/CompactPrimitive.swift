/// The values the `Encoder` protocol writes directly, each with its fixed form.
protocol CompactPrimitive {
    func write(to sink: ByteSink)
    static func read(from source: ByteSource) throws(CompactBinary.Failure) -> Self
}

extension CompactPrimitive where Self: FixedWidthInteger {
    func write(to sink: ByteSink) { sink.write(self) }
    static func read(from source: ByteSource) throws(CompactBinary.Failure) -> Self {
        try source.read(Self.self)
    }
}

extension Int: CompactPrimitive {}
extension Int8: CompactPrimitive {}
extension Int16: CompactPrimitive {}
extension Int32: CompactPrimitive {}
extension Int64: CompactPrimitive {}
extension UInt: CompactPrimitive {}
extension UInt8: CompactPrimitive {}
extension UInt16: CompactPrimitive {}
extension UInt32: CompactPrimitive {}
extension UInt64: CompactPrimitive {}

extension Bool: CompactPrimitive {
    func write(to sink: ByteSink) { sink.write(UInt8(self ? 1 : 0)) }
    static func read(from source: ByteSource) throws(CompactBinary.Failure) -> Bool {
        try source.read(Bool.self)
    }
}

extension String: CompactPrimitive {
    func write(to sink: ByteSink) { sink.write(self) }
    static func read(from source: ByteSource) throws(CompactBinary.Failure) -> String {
        try source.read(String.self)
    }
}

extension Double: CompactPrimitive {
    func write(to sink: ByteSink) { sink.write(bitPattern) }
    static func read(from source: ByteSource) throws(CompactBinary.Failure) -> Double {
        Double(bitPattern: try source.read(UInt64.self))
    }
}

extension Float: CompactPrimitive {
    func write(to sink: ByteSink) { sink.write(bitPattern) }
    static func read(from source: ByteSource) throws(CompactBinary.Failure) -> Float {
        Float(bitPattern: try source.read(UInt32.self))
    }
}
