import Foundation

/// What Herald last published: for each output file, the key its bytes came from and the
/// identity of the file it wrote. Stored in the build cache as text, one file per line, with a
/// checksum line so a damaged manifest is ignored rather than trusted.
struct OutputManifest: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var key: StableHash
        var identity: FileIdentity
    }

    var entries: [String: Entry] = [:]
    /// Identity of every folder of the output ("" is the output folder itself): while none has
    /// changed, no file was added to or removed from the output.
    var directories: [String: FileIdentity] = [:]

    static let header = "herald-output-manifest 1"

    func encoded() -> Data {
        var lines: [String] = []
        lines.reserveCapacity(entries.count)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            let id = entry.identity
            lines.append(
                "\(entry.key) \(id.device) \(id.inode) \(id.size) \(id.modifiedSeconds) \(id.modifiedNanoseconds) \(path)"
            )
        }
        for (path, id) in directories.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            lines.append(
                "d \(id.device) \(id.inode) \(id.size) \(id.modifiedSeconds) \(id.modifiedNanoseconds) \(path)"
            )
        }
        let body = lines.joined(separator: "\n")
        return Data("\(Self.header)\n\(StableHash.of(body))\n\(body)".utf8)
    }

    /// The manifest in `data`, or nil if it is not one or its checksum does not match.
    static func decode(_ data: Data) -> OutputManifest? {
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == header else { return nil }
        let body = parts.count == 3 ? String(parts[2]) : ""
        guard parts[1] == StableHash.of(body).description else { return nil }
        var manifest = OutputManifest()
        for line in body.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 6, omittingEmptySubsequences: false)
            guard fields.count == 7, let device = UInt64(fields[1]), let inode = UInt64(fields[2]),
                let size = Int64(fields[3]), let seconds = Int64(fields[4]),
                let nanoseconds = Int64(fields[5])
            else { return nil }
            let identity = FileIdentity(
                device: device, inode: inode, size: size, modifiedSeconds: seconds,
                modifiedNanoseconds: nanoseconds)
            if fields[0] == "d" {
                manifest.directories[String(fields[6])] = identity
            } else {
                guard let key = StableHash(hex: fields[0]) else { return nil }
                manifest.entries[String(fields[6])] = Entry(key: key, identity: identity)
            }
        }
        return manifest
    }
}
