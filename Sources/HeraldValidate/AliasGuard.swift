// Yams' own copy of libyaml. It is not a product of the Yams package, but it is built and linked
// with Yams, and it is the parser Yams composes with, so the guard reads the text exactly as Yams
// will. Should Yams rename the target, this import stops compiling rather than silently drifting.
internal import CYaml
import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// Refuses YAML whose aliases would repeat far more than is written ("billion laughs").
///
/// Yams composes an alias by sharing the anchored node, but it hashes every mapping key while
/// composing, and Herald's readers walk whatever they are given, so an alias of a list of aliases
/// of … is exponential work for a few hundred bytes. Before Yams composes the text, libyaml's
/// event parser (the one inside Yams) reads it once, in linear time and without expanding
/// anything, and adds up what every alias repeats: one for each node, plus each scalar's bytes.
/// Only what the parser reports counts, so `&nbsp;` or `*emphasis*` in text never does, and the
/// parser's own line breaks (U+2028 included) cannot hide an alias.
enum AliasGuard {
    /// What aliases may add to a document: nodes plus the bytes of scalars (1 MiB of text).
    static let maximumRepetition = 1 << 20

    /// The alias that takes the document over the limit.
    struct Excess: Equatable, Sendable {
        /// The alias's anchor name, without `*`.
        var anchor: String
        /// 1-based, counting only line feeds (libyaml also breaks lines at U+0085, U+2028, U+2029).
        var line: Int
        /// 1-based, in characters.
        var column: Int
    }

    /// The first alias after which aliases repeat more than `limit`; nil when they stay within it
    /// to the end of the text, or to its first syntax error (which Yams then reports).
    static func excess(in yaml: String, limit: Int = maximumRepetition) -> Excess? {
        // No anchor without `&`, no alias without `*`: most files need no second parse.
        guard ByteSearch.contains(UInt8(ascii: "&"), in: yaml),
            ByteSearch.contains(UInt8(ascii: "*"), in: yaml)
        else { return nil }
        var text = yaml
        return text.withUTF8 { bytes in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var tally = Tally()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                guard tally.add(event), tally.repeated > limit else { continue }
                let anchor = event.data.alias.anchor.map { name($0) } ?? ""
                let (line, column) = position(ofCharacter: Int(event.start_mark.index), in: yaml)
                return Excess(anchor: anchor, line: line, column: column)
            }
        }
    }

    /// The size of every node once aliases are expanded, as events arrive.
    private struct Tally {
        /// Open sequences and mappings: their anchors and sizes so far.
        var open: [(anchor: String?, size: Int)] = []
        /// The size of each anchored node; a later anchor of the same name replaces it, as in Yams.
        var sizes: [String: Int] = [:]
        /// What aliases have added so far.
        var repeated = 0

        /// Counts one event; true when it is an alias.
        mutating func add(_ event: yaml_event_t) -> Bool {
            switch event.type {
            case YAML_SCALAR_EVENT:
                close(
                    anchor: event.data.scalar.anchor.map { AliasGuard.name($0) },
                    size: 1 + event.data.scalar.length)
            case YAML_ALIAS_EVENT:
                // An alias of an anchor not defined yet is a composer error: count it as one node.
                let size = event.data.alias.anchor.flatMap { sizes[AliasGuard.name($0)] } ?? 1
                repeated += size - 1
                close(anchor: nil, size: size)
                return true
            case YAML_SEQUENCE_START_EVENT:
                open.append((event.data.sequence_start.anchor.map { AliasGuard.name($0) }, 1))
            case YAML_MAPPING_START_EVENT:
                open.append((event.data.mapping_start.anchor.map { AliasGuard.name($0) }, 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let node = open.popLast() else { break }
                close(anchor: node.anchor, size: node.size)
            default:
                break
            }
            return false
        }

        /// A node of `size` is complete: record it under its anchor and add it to its parent.
        private mutating func close(anchor: String?, size: Int) {
            if let anchor { sizes[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: pointer)
    }

    /// Line and column of the character at `index` (libyaml counts characters, not bytes).
    private static func position(ofCharacter index: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars.prefix(index) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
