/// Uppercase hex digits, zero-padded: how messages and escapes show a byte or a code point.
package enum Hex {
    /// `value` in at least `width` uppercase hex digits: `Hex.digits(0x1B, width: 4)` is `001B`.
    package static func digits(_ value: some BinaryInteger, width: Int) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - hex.count)) + hex
    }
}
