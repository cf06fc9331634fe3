import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// Ids in Statuspage's style (12 lowercase alphanumerics), stable across builds and machines.
///
/// FNV-1a (64 bit) of a name such as `incident:<slug>`, mixed with MurmurHash3's finalizer
/// so that similar names get unrelated ids, written in base 36: the same slug always gives
/// the same id (Swift's `Hasher` is seeded per process, so it cannot be used).
enum StatuspageID {
    static let length = 12

    static func make(_ name: String) -> String {
        var digits = String(mix(FNV1a.hash(name)) % modulus, radix: 36)
        if digits.count < length { digits = String(repeating: "0", count: length - digits.count) + digits }
        return digits
    }

    /// MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
    static func mix(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }

    /// 36^12: every value below it has at most 12 base-36 digits.
    private static let modulus: UInt64 = (0..<length).reduce(1) { product, _ in product * 36 }

    static func page(_ baseURL: BaseURL) -> String { make("page:\(baseURL.host)\(baseURL.path)") }
    static func cluster(_ id: String) -> String { make("cluster:\(id)") }
    static func component(_ component: ComponentID) -> String { make("component:\(component)") }
    static func incident(_ slug: String) -> String { make("incident:\(slug)") }
    static func maintenance(_ slug: String) -> String { make("maintenance:\(slug)") }
    static func update(_ updateID: String, of parentID: String) -> String {
        make("update:\(parentID):\(updateID)")
    }
}
