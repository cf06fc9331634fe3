import Foundation
import HeraldCore
import HeraldWrite

/// The manifest as the build cache stores it (`manifest.txt`): text, one file per line, with a
/// checksum line so a damaged manifest is ignored rather than trusted.
extension OutputManifest {
    static let header = "herald-output-manifest 2"

    func encoded() -> Data {
        var lines: [String] = []
        lines.reserveCapacity(entries.count)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key })
        where ByteSearch.isOneLine(path) {
            let id = entry.identity
            lines.append(
                "\(entry.key) \(id.device) \(id.inode) \(id.size) \(id.modifiedSeconds) \(id.modifiedNanoseconds) \(id.changedSeconds) \(id.changedNanoseconds) \(path)"
            )
        }
        for (path, id) in directories.sorted(by: { $0.key < $1.key })
        where ByteSearch.isOneLine(path) {
            lines.append(
                "d \(id.device) \(id.inode) \(id.size) \(id.modifiedSeconds) \(id.modifiedNanoseconds) \(id.changedSeconds) \(id.changedNanoseconds) \(path)"
            )
        }
        let body = lines.joined(separator: "\n")
        return Data("\(Self.header)\n\(StableHash.of(body))\n\(body)".utf8)
    }

    /// The manifest in `data`, or nil if it is not one or its checksum does not match.
    ///
    /// Parsed as bytes, not as a `String`: a site of 10,000 incidents has a manifest of some
    /// 30,000 lines, which splitting by `Character` takes a good part of a second to read, and
    /// the no-change fast path reads it every time.
    static func decode(_ data: Data) -> OutputManifest? {
        data.withUnsafeBytes { decode($0.bindMemory(to: UInt8.self)) }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> OutputManifest? {
        let newline = UInt8(ascii: "\n")
        guard let headerEnd = bytes.firstIndex(of: newline),
            String(decoding: bytes[..<headerEnd], as: UTF8.self) == header,
            let checksumEnd = bytes[(headerEnd + 1)...].firstIndex(of: newline)
        else { return nil }
        let body = UnsafeBufferPointer(rebasing: bytes[(checksumEnd + 1)...])
        var hasher = StableHasher()
        hasher.combine(body.count)
        hasher.combine(bytes: UnsafeRawBufferPointer(body))
        guard
            String(decoding: bytes[(headerEnd + 1)..<checksumEnd], as: UTF8.self)
                == hasher.finalize().description
        else { return nil }
        var manifest = OutputManifest()
        // Room for a line per file: grown entry by entry, the table was rehashed a dozen times.
        manifest.entries.reserveCapacity(body.reduce(1) { $1 == newline ? $0 + 1 : $0 })
        var start = 0
        while start < body.count {
            let end = body[start...].firstIndex(of: newline) ?? body.count
            if end > start {
                var line = LineReader(bytes: UnsafeBufferPointer(rebasing: body[start..<end]))
                guard line.add(to: &manifest) else { return nil }
            }
            start = end + 1
        }
        return manifest
    }
}

/// One manifest line: `KEY DEVICE INODE SIZE MSECONDS MNANOSECONDS CSECONDS CNANOSECONDS PATH`
/// (modification and change times; `KEY` is `d` for a folder; the path, last, may hold spaces).
private struct LineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func add(to manifest: inout OutputManifest) -> Bool {
        guard let key = field(), let device = unsigned(), let inode = unsigned(), let size = signed(),
            let seconds = signed(), let nanoseconds = signed(), let changedSeconds = signed(),
            let changedNanoseconds = signed(), position <= bytes.count
        else { return false }
        let identity = FileIdentity(
            device: device, inode: inode, size: size, modifiedSeconds: seconds,
            modifiedNanoseconds: nanoseconds, changedSeconds: changedSeconds,
            changedNanoseconds: changedNanoseconds)
        let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[position...]), as: UTF8.self)
        if key.count == 1 && key[key.startIndex] == UInt8(ascii: "d") {
            manifest.directories[path] = identity
        } else {
            guard let hash = Self.hash(key) else { return false }
            manifest.entries[path] = OutputManifest.Entry(key: hash, identity: identity)
        }
        return true
    }

    /// The bytes up to the next space, which is skipped; nil at the end of the line.
    private mutating func field() -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard let space = bytes[position...].firstIndex(of: UInt8(ascii: " ")) else { return nil }
        defer { position = space + 1 }
        return bytes[position..<space]
    }

    private mutating func unsigned() -> UInt64? {
        guard let digits = field(), !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow && !carry else { return nil }
            value = sum
        }
        return value
    }

    private mutating func signed() -> Int64? {
        let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        guard let magnitude = unsigned() else { return nil }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// 32 hex digits, as `StableHash.description` writes them.
    private static func hash(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> StableHash? {
        guard digits.count == 32 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for byte in digits {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            high = high << 4 | low >> 60
            low = low << 4 | UInt64(nibble)
        }
        return StableHash(high: high, low: low)
    }
}
