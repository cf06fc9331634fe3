import Foundation
import HeraldCore

extension OutputLocation {
    /// The staging folder, emptied for a new build: whatever an earlier build left there goes,
    /// except the output's preserved entries that a build killed before its swap had moved in
    /// (`DirectorySwap.rescue`), which go back into the output first.
    package func clearedStagingDirectory(on disk: any WritableFileSystem) throws(FileOperationError) -> String
    {
        let staging = stagingDirectory
        if disk.kind(at: staging) != .absent {
            DirectorySwap(disk: disk).rescue(from: staging, into: path)
            try disk.removeItem(at: staging)
        }
        return staging
    }
}
