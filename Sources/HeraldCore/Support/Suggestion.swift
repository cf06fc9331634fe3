/// "Did you mean …?" hints for misspelt keys, values and references.
package enum Suggestion {
    /// The candidate closest to `word`: edit distance ≤ 2, or one a prefix of the other (3+ characters).
    /// Candidates beyond `limit` are not searched, so a typo never costs more than a bounded scan.
    package static func closest(to word: String, in candidates: some Sequence<String>, limit: Int = 2000)
        -> String?
    {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for (index, candidate) in candidates.enumerated() {
            guard index < limit else { break }
            guard candidate != word else { continue }
            let other = candidate.lowercased()
            let edits = editDistance(lowered, other, cutoff: 2)
            let isPrefix = lowered.count >= 3 && (other.hasPrefix(lowered) || lowered.hasPrefix(other))
            guard (edits <= 2 && edits < lowered.count) || isPrefix else { continue }
            let distance = min(edits, 3)
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// `; did you mean `x`?` or an empty string, to end a clause.
    package static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { "; did you mean `\($0)`?" } ?? ""
    }

    /// `. Did you mean `x`?` or an empty string, to follow a full sentence.
    package static func sentence(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { ". Did you mean `\($0)`?" } ?? ""
    }

    /// Levenshtein distance, or `cutoff + 1` as soon as it is known to exceed `cutoff`.
    static func editDistance(_ a: String, _ b: String, cutoff: Int) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        guard abs(a.count - b.count) <= cutoff else { return cutoff + 1 }
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > cutoff { return cutoff + 1 }
            swap(&previous, &current)
        }
        return min(previous[b.count], cutoff + 1)
    }
}
