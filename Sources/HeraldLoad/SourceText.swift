import Foundation
import HeraldCore

/// Turns a file's bytes into the text every later stage sees.
package enum SourceText {
    /// UTF-8 without a BOM, with every CRLF or lone CR turned into LF; nil if the bytes are not UTF-8.
    package static func decode(_ data: Data) -> String? {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // The standard library's validating decoder checks whole blocks at once.
        let text = bytes.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
        return text.map(normalizeLineEndings)
    }

    /// Where the first byte that is not UTF-8 is: its line, its column (in characters, counting
    /// from 1) and its value; nil when every byte is.
    static func firstInvalidByte(in data: Data) -> (line: Int, column: Int, byte: UInt8)? {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                return (line, column, data[offset])
            case .emptyInput:
                return nil
            }
        }
    }

    package static func normalizeLineEndings(_ text: String) -> String {
        guard ByteSearch.contains(UInt8(ascii: "\r"), in: text) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                result.unicodeScalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
