import Foundation

/// One file of a build as the incremental publisher sees it.
package struct PlannedFile: Sendable {
    package var path: String
    /// What determines the file's bytes (a hash of its view model and templates, or of its bytes).
    package var key: StableHash
    /// The new bytes, or nil when the file at `path` in the current output is verified to hold
    /// exactly this build's bytes already (see `BuildCache.canKeep`), or when they are `stored`.
    package var contents: Data?
    /// The new bytes are already in the spare tree, in this file (`SpareTreePublisher.store`).
    package var stored: FileIdentity?

    /// A file whose bytes are known: its key is the hash of those bytes.
    package init(_ file: OutputFile) {
        var hasher = StableHasher()
        file.contents.withUnsafeBytes { hasher.combine(bytes: $0) }
        self.init(path: file.path, key: hasher.finalize(), contents: file.contents)
    }

    package init(path: String, key: StableHash, contents: Data?, stored: FileIdentity? = nil) {
        self.path = path
        self.key = key
        self.contents = contents
        self.stored = stored
    }
}
