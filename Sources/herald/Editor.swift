import ArgumentParser
import Foundation

/// Opens a file in the user's editor and waits for it to close.
enum Editor {
    static func open(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws
    {
        guard
            let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: {
                !$0.isEmpty
            })
        else {
            printError("herald: set $EDITOR to open the file with --edit")
            throw ExitCode(2)
        }
        // Through the shell, so an EDITOR with arguments ("code --wait") works as it does for git.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "sh", path]
        try process.run()
        process.waitUntilExit()
    }
}
