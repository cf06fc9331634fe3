import Foundation

/// The writes authoring commands make, kept apart from the read-only `FileSystem` the build uses.
public protocol ContentFileWriter: Sendable {
    /// Creates `path` (and its folder) holding `data`; fails when the file already exists.
    func createNewFile(at path: String, contents data: Data) throws
    /// Replaces `path` with `data` by writing a temporary file in the same folder and renaming it
    /// over the original, so readers see the old bytes or the new, never a mix.
    func replaceFile(at path: String, contents data: Data) throws
}

extension LocalFileSystem: ContentFileWriter {
    public func createNewFile(at path: String, contents data: Data) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .withoutOverwriting)
    }

    public func replaceFile(at path: String, contents data: Data) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).herald-\(UUID().uuidString).tmp")
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        try data.write(to: temporary, options: .withoutOverwriting)
        do {
            if let permissions = attributes?[.posixPermissions] {
                try FileManager.default.setAttributes(
                    [.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
