import Foundation
import HeraldCore

/// `.herald-output`, the file that makes a folder Herald's output: the files Herald wrote there
/// and the files it was told to keep (`--force`). It lives in the output itself, not in the
/// cache, so deleting the cache never makes Herald forget which files are its own; like every
/// hidden entry it is never served by `herald serve` nor listed in the site.
package struct OutputMarker: Sendable, Equatable {
    package static let name = ".herald-output"
    static let header = "herald-output 1"

    /// Files of the output that Herald wrote.
    var written: Set<String> = []
    /// Files found in the output that Herald did not write and was told to keep.
    var kept: Set<String> = []

    func encoded() -> Data {
        var text = """
            \(Self.header)
            # Written by `herald build`, which replaces this folder on every build. Lines: `w PATH`, a
            # file Herald wrote; `k PATH`, a file it keeps (taken over with --force). A build stops
            # rather than remove any other file it finds here. Hidden entries and CNAME are kept.

            """
        for path in written.sorted() where ByteSearch.isOneLine(path) {
            text += "w \(path)\n"
        }
        for path in kept.sorted() where ByteSearch.isOneLine(path) {
            text += "k \(path)\n"
        }
        return Data(text.utf8)
    }

    /// The marker in `data`; nil when it is not one.
    static func decode(_ data: Data) -> OutputMarker? {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.popFirst() == Substring(header) else { return nil }
        var marker = OutputMarker()
        for line in lines where !line.hasPrefix("#") {
            guard line.count > 2, line.dropFirst().first == " " else { return nil }
            let path = String(line.dropFirst(2))
            switch line.first {
            case "w": marker.written.insert(path)
            case "k": marker.kept.insert(path)
            default: return nil
            }
        }
        return marker
    }

    /// The marker of the output folder at `directory`, read without following a link; nil when
    /// there is none or it is not one.
    static func read(in directory: String) -> OutputMarker? {
        guard let data = try? RegularFile.read("\(directory)/\(name)", followingLinks: false) else {
            return nil
        }
        return decode(data)
    }
}
