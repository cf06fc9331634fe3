import Foundation

/// Writes a rendered site so that readers of the output folder see either the old site or the
/// new one, never a mix, and a failed build leaves the old one untouched.
///
/// The new site is written to a hidden sibling folder and then swapped in (`DirectorySwap`).
public struct OutputPublisher: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case unsafePath(String)
        case io(String, any Error)

        public var description: String {
            switch self {
            case .unsafePath(let path): "refusing to write outside the output folder: \(path)"
            case .io(let path, let error): "cannot write \(path): \(error.localizedDescription)"
            }
        }
    }

    public let outputDirectory: String

    public init(outputDirectory: String) {
        var path = outputDirectory
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.outputDirectory = path
    }

    /// The staging folder beside the output; never inside it, never published.
    var stagingDirectory: String {
        let url = URL(fileURLWithPath: outputDirectory)
        return url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).herald-staging"
        ).path
    }

    public func publish(_ files: [OutputFile]) throws(Failure) {
        for file in files where !Self.isSafe(file.path) { throw .unsafePath(file.path) }
        let manager = FileManager.default
        let staging = stagingDirectory
        do {
            if manager.fileExists(atPath: staging) { try manager.removeItem(atPath: staging) }
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw .io(staging, error)
        }
        var createdDirectories: Set<String> = [""]
        for file in files {
            let directory = file.path.split(separator: "/").dropLast().joined(separator: "/")
            let target = "\(staging)/\(file.path)"
            do {
                if createdDirectories.insert(directory).inserted {
                    try manager.createDirectory(
                        atPath: "\(staging)/\(directory)", withIntermediateDirectories: true)
                }
                try file.contents.write(to: URL(fileURLWithPath: target))
            } catch {
                try? manager.removeItem(atPath: staging)
                throw .io(target, error)
            }
        }
        try swapIn(staging)
    }

    private func swapIn(_ staging: String) throws(Failure) {
        if try DirectorySwap.replace(outputDirectory, with: staging) {
            try? FileManager.default.removeItem(atPath: staging)
        }
    }

    /// A relative path of plain names: no `..`, `.`, empty parts, absolute paths or backslashes.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else {
            return false
        }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }
}
