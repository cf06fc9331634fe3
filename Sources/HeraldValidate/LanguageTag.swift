import HeraldCore
import HeraldLoad
import HeraldMarkdown

/// A light BCP 47 check: a 2–3 or 5–8 letter language, then subtags of 1–8 letters or digits.
enum LanguageTag {
    static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first,
            (2...3).contains(language.count) || (5...8).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
