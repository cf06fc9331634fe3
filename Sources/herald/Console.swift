import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One of the process's output streams, and what it may show: colours only on a terminal and
/// never with `NO_COLOR` (https://no-color.org) or `TERM=dumb`; transient progress lines only on
/// a terminal.
struct Console: Sendable {
    let descriptor: Int32
    let isTerminal: Bool
    let usesColour: Bool

    init(descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.descriptor = descriptor
        isTerminal = isatty(descriptor) == 1
        usesColour =
            isTerminal && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }

    static let standardOutput = Console(descriptor: STDOUT_FILENO)
    static let standardError = Console(descriptor: STDERR_FILENO)

    func write(_ text: String) {
        let handle = descriptor == STDOUT_FILENO ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }

    /// Compiler-style diagnostic lines with `error:` in bold red and `warning:` in bold yellow.
    func highlighting(_ text: String) -> String {
        guard usesColour else { return text }
        return text.replacingOccurrences(of: ": error: ", with: ": \u{1B}[1;31merror:\u{1B}[0m ")
            .replacingOccurrences(of: ": warning: ", with: ": \u{1B}[1;33mwarning:\u{1B}[0m ")
    }

    /// Dim text, for timings.
    func dim(_ text: String) -> String {
        usesColour ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }

    /// Shows `text` on one line that the next call (or `clearStatus`) replaces; nothing off a terminal.
    func status(_ text: String) {
        guard isTerminal else { return }
        write("\r\u{1B}[2K" + text)
    }

    func clearStatus() {
        guard isTerminal else { return }
        write("\r\u{1B}[2K")
    }
}
