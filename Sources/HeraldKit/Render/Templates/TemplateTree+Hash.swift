extension TemplateTree {
    /// Feeds a tree made by `make(_:)` to `hasher`, with a type tag and length before every
    /// value, so two different trees never feed the same bytes.
    static func hash(_ value: Any, into hasher: inout StableHasher) {
        switch value {
        case let string as String:
            hasher.combine(UInt8(1))
            hasher.combine(string)
        case let int as Int:
            hasher.combine(UInt8(2))
            hasher.combine(int)
        case let bool as Bool:
            hasher.combine(UInt8(bool ? 3 : 4))
        case let double as Double:
            hasher.combine(UInt8(5))
            hasher.combine(Int(bitPattern: UInt(double.bitPattern)))
        case let object as TemplateObject:
            hasher.combine(UInt8(6))
            hasher.combine(object.names.count)
            for (name, child) in zip(object.names, object.values) {
                hasher.combine(name)
                hash(child, into: &hasher)
            }
        case let strings as [String]:
            hasher.combine(UInt8(7))
            hasher.combine(strings.count)
            for string in strings { hasher.combine(string) }
        case let objects as [TemplateObject]:
            hasher.combine(UInt8(8))
            hasher.combine(objects.count)
            for object in objects { hash(object, into: &hasher) }
        case let list as [Any]:
            hasher.combine(UInt8(9))
            hasher.combine(list.count)
            for item in list { hash(item, into: &hasher) }
        default:
            // Not produced by `make(_:)`; its description still distinguishes values.
            hasher.combine(UInt8(10))
            hasher.combine(String(reflecting: value))
        }
    }
}
