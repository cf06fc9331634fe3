import Foundation
import HeraldWrite

/// Runs the built `herald` executable, as a user or CI would.
package struct HeraldProcess {
    package struct Result {
        package var status: Int32
        package var standardOutput: String
        package var standardError: String
    }

    /// The `herald` binary built beside the test bundle (`swift build --build-tests` builds both).
    package static var executable: String? {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("herald").path,
            Bundle.main.bundleURL.appendingPathComponent("herald").path,
            "\(RepositoryPaths.root)/.build/debug/herald",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs herald with `input` (if any) on its standard input and `environment` over this
    /// process's (a nil value removes the variable).
    package static func run(
        _ arguments: [String], in directory: String, input: String? = nil,
        environment changes: [String: String?] = [:]
    ) throws -> Result {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (name, value) in changes { environment[name] = value }
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// A copy of the example site (Content/ and Templates/) in a fresh temporary folder.
    ///
    /// The site is a folder of its own inside a fresh temporary folder, so that the tests that
    /// aim builds at `..` and similar outputs can, if the binary ever regresses, destroy only
    /// that folder, never the system's temporary directory (the old binary, pointed at `..`
    /// from a site directly under `/tmp`, emptied it).
    package static func copyOfExampleSite() throws -> String {
        let site = "\(try RepositoryPaths.temporaryDirectory())/site"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(
                atPath: "\(RepositoryPaths.root)/\(folder)", toPath: "\(site)/\(folder)")
        }
        return site
    }

    /// Every file's bytes below a folder, to prove it did not change. An output folder's
    /// marker, which says which files are Herald's and is no file of the site, is left out.
    package static func snapshot(of directory: String) -> [String: Data] {
        Dictionary(
            uniqueKeysWithValues: RepositoryPaths.files(in: directory).filter { $0 != OutputMarker.name }.map
            { path in
                (path, (try? Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(path)"))) ?? Data())
            })
    }
}
