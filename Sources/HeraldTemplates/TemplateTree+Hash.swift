import HeraldCore

extension TemplateTree {
    /// Feeds a tree made by `make(_:)` to `hasher`, with a type tag and length before every
    /// value, so two different trees never feed the same bytes.
    package static func hash(_ value: TemplateValue, into hasher: inout StableHasher) {
        switch value {
        case .string(let string):
            hasher.combine(UInt8(1))
            hasher.combine(string)
        case .int(let int):
            hasher.combine(UInt8(2))
            hasher.combine(int)
        case .bool(let bool):
            hasher.combine(UInt8(bool ? 3 : 4))
        case .double(let double):
            hasher.combine(UInt8(5))
            hasher.combine(Int(bitPattern: UInt(double.bitPattern)))
        case .object(let object):
            hasher.combine(UInt8(6))
            hasher.combine(object.names.count)
            for (name, child) in zip(object.names, object.values) {
                hasher.combine(name)
                hash(child, into: &hasher)
            }
        case .list(let list):
            hasher.combine(UInt8(7))
            hasher.combine(list.count)
            for item in list { hash(item, into: &hasher) }
        }
    }
}
