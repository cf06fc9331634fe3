import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// An optional that encodes as JSON `null` instead of being left out, as Statuspage's
/// payloads carry every key (`"resolved_at": null`).
@propertyWrapper
struct ExplicitNull<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    // Property wrapping needs an explicit `init(wrappedValue:)`; the memberwise one is not used.
    init(wrappedValue value: Value?) { wrappedValue = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
