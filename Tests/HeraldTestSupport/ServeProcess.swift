import Foundation

/// `herald serve --port 0` running in the background, with the port it reported.
package final class ServeProcess {
    package let process = Process()
    package let port: UInt16
    /// What it printed up to the line naming its address (the first build's report among it).
    package let startupOutput: String
    private let output: Pipe

    /// The folder it builds into and serves: `--output`'s, else the site's preview folder.
    package let outputDirectory: String

    package init(site: String, arguments: [String] = [], timeout: TimeInterval = 30) throws {
        guard let executable = HeraldProcess.executable else { throw CocoaError(.fileNoSuchFile) }
        let folder = arguments.firstIndex(of: "--output").map { arguments[$0 + 1] } ?? ".herald/serve/site"
        outputDirectory = folder.hasPrefix("/") ? folder : "\(site)/\(folder)"
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: site)
        output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Read lines until the one naming the address.
        var text = ""
        let deadline = Date().addingTimeInterval(timeout)
        var found: UInt16?
        while found == nil, Date() < deadline {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let match = text.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//) { found = UInt16(match.1) }
        }
        guard let found else {
            kill(process.processIdentifier, SIGKILL)
            throw LoopbackHTTP.Failure(description: "herald serve did not report its address: \(text)")
        }
        port = found
        startupOutput = text
    }

    package var http: LoopbackHTTP { LoopbackHTTP(port: port) }

    /// Sends SIGINT and waits (bounded) for the process to end; its exit status, or nil if it did not.
    package func interrupt(timeout: TimeInterval = 10) -> Int32? {
        stop(with: SIGINT, timeout: timeout)
    }

    /// Sends `signal` and waits (bounded) for the process to end; its exit status, or nil if it did not.
    package func stop(with signal: Int32, timeout: TimeInterval = 10) -> Int32? {
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }

    /// The rest of what it printed (after it has stopped).
    package func remainingOutput() -> String {
        String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    /// SIGKILL, not SIGTERM: a server that does not stop when asked must not outlive the test.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
