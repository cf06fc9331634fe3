import Foundation

/// URL-safe names of incidents, maintenance, posts and Q&A anchors.
package enum Slug {
    /// `[a-z0-9][a-z0-9-]*`: safe as one path segment, never `.`/`..`, never hidden.
    package static func isValid(_ s: String) -> Bool {
        guard let first = s.utf8.first, isLowerAlphanumeric(first) else { return false }
        return s.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// A slug for a title: ASCII-folded, lowercase, `[a-z0-9-]`, dashes collapsed and trimmed.
    /// May be empty when the title has no letters or digits.
    package static func make(from title: String) -> String {
        // ASCII, and the typographic punctuation Latin-ASCII turns into ASCII punctuation, need no
        // transliteration (and ICU's transform is costly: one per question anchor).
        let folded =
            title.unicodeScalars.allSatisfy({ $0.isASCII || typographicPunctuation.contains($0) })
            ? title
            : title.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false)
                ?? title.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        var pendingDash = false
        for scalar in folded.lowercased().unicodeScalars {
            // Apostrophes vanish: "what's" → "whats".
            if scalar == "'" || scalar == "\u{2018}" || scalar == "\u{2019}" { continue }
            if scalar.isASCII, isLowerAlphanumeric(UInt8(scalar.value)) {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// Quotes, dashes, ellipsis and spaces: separators (or, for apostrophes, nothing) in a slug
    /// whether transliterated or not.
    private static let typographicPunctuation: Set<Unicode.Scalar> = [
        "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2013}", "\u{2014}", "\u{2026}", "\u{00A0}",
        "\u{2009}",
        "\u{202F}",
    ]

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
