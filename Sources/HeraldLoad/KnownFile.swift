import HeraldCore

/// A content file as a loader saw it: which file it was (`stat`) and the digest of its text
/// (`ContentFile.digest(of:)`). A later load that finds the same identity at the same path
/// need not read the file again (see `InputFingerprint` on why `stat` can vouch for a file).
package struct KnownFile: Sendable, Equatable {
    package var identity: FileIdentity
    package var digest: StableHash

    package init(identity: FileIdentity, digest: StableHash) {
        self.identity = identity
        self.digest = digest
    }
}
