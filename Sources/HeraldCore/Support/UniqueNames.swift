/// Hands out names that are unique within one document: a base as it is the first time, then
/// `base-2`, `base-3`… (the first of those not yet taken), as question anchors and update ids need.
///
/// Each base remembers the next number to try. Names are only ever added, so every number below
/// it was taken and still is: the names are the ones a search from 2 would find, and a thousand
/// repeats of one question cost about two thousand tries, not half a million.
package struct UniqueNames {
    private var taken = Set<String>()
    private var nextNumber: [String: Int] = [:]
    /// How many names `claim` has tried so far, the work done: at most three per claim, as a
    /// numbered name found taken is passed over for good (`a-2-2` can only be `a-2`'s).
    private(set) var tries = 0

    package init() {}

    /// `base`, or `base-N` for the smallest N ≥ 2 not taken; the name returned is taken from now on.
    package mutating func claim(_ base: String) -> String {
        tries += 1
        if taken.insert(base).inserted { return base }
        var number = nextNumber[base] ?? 2
        var name = "\(base)-\(number)"
        tries += 1
        while !taken.insert(name).inserted {
            number += 1
            name = "\(base)-\(number)"
            tries += 1
        }
        nextNumber[base] = number + 1
        return name
    }
}
