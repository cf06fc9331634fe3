import Foundation

/// What a cache was made by: the cache format and the Herald executable itself (its size and
/// modification time), so a rebuilt or upgraded Herald never trusts results of another one.
enum CacheVersion {
    static let format = "herald-cache-2"

    static let current: StableHash = {
        var hasher = StableHasher()
        hasher.combine(format)
        if let path = Bundle.main.executablePath, let identity = FileIdentity(path: path) {
            hasher.combine(path)
            hasher.combine(Int(identity.size))
            hasher.combine(Int(identity.modifiedSeconds))
            hasher.combine(Int(identity.modifiedNanoseconds))
        }
        return hasher.finalize()
    }()
}
