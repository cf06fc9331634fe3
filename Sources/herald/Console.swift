import Foundation
import HeraldAuthoring
import HeraldBuild
import HeraldChanges
import HeraldCore
import HeraldDerive
import HeraldLoad
import HeraldRender
import HeraldValidate
import HeraldWrite

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

    /// Writes `text` with every control character but the line feed escaped (`TerminalText`),
    /// so nothing from a content or state file can drive the terminal. All output goes through here.
    func write(_ text: String) {
        writeRaw(TerminalText.escaped(text, keepingLineBreaks: true))
    }

    /// `text` and a line feed.
    func line(_ text: String) {
        write(text + "\n")
    }

    /// Compiler-style diagnostic lines and a line feed, with `error:` in bold red and `warning:`
    /// in bold yellow.
    func diagnostics(_ text: String) {
        let safe = TerminalText.escaped(text, keepingLineBreaks: true)
        guard usesColour else { return writeRaw(safe + "\n") }
        writeRaw(
            safe.replacingOccurrences(of: ": error: ", with: ": \u{1B}[1;31merror:\u{1B}[0m ")
                .replacingOccurrences(of: ": warning: ", with: ": \u{1B}[1;33mwarning:\u{1B}[0m ") + "\n")
    }

    /// `diagnostics` of every line at once: one write, not one per line (a build of a large
    /// archive can warn thousands of times); nothing when there are none.
    func diagnostics(lines: [String]) {
        if !lines.isEmpty { diagnostics(lines.joined(separator: "\n")) }
    }

    /// A dim line, for timings.
    func dimLine(_ text: String) {
        let safe = TerminalText.escaped(text)
        writeRaw((usesColour ? "\u{1B}[2m\(safe)\u{1B}[0m" : safe) + "\n")
    }

    /// Shows `text` on one line that the next call (or `clearStatus`) replaces; nothing off a terminal.
    func status(_ text: String) {
        guard isTerminal else { return }
        writeRaw("\r\u{1B}[2K" + TerminalText.escaped(text))
    }

    func clearStatus() {
        guard isTerminal else { return }
        writeRaw("\r\u{1B}[2K")
    }

    /// The only write that is not escaped: for text escaped already and the codes added to it.
    private func writeRaw(_ text: String) {
        let handle = descriptor == STDOUT_FILENO ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }
}
