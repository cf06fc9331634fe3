import Foundation
import HeraldCore

extension OutputLocation {
    /// The staging folder, emptied for a new build: whatever an earlier build left there goes,
    /// except the output's preserved entries that a build killed before its swap had moved in
    /// (`DirectorySwap.rescue`), which go back into the output first.
    package func clearedStagingDirectory() throws -> String {
        let staging = stagingDirectory
        if RegularFile.kind(staging) != .absent {
            DirectorySwap.rescue(from: staging, into: path)
            // `removeItem` removes a link itself, never what it points to.
            try FileManager.default.removeItem(atPath: staging)
        }
        return staging
    }
}
