import HeraldCore

/// What a build may do with files in its output folder that it did not write.
package enum ForeignFilePolicy: Sendable, Equatable {
    /// Stop the build, naming the first one (the default).
    case refuse
    /// Take the folder over and keep them, in this build and the ones after (`--force`).
    case keep
    /// Take the folder over and remove them, and any kept before (`--clean`).
    case remove
}

/// Which files of an output folder are not Herald's, and what to do with them.
///
/// A folder is Herald's when it is absent or empty, holds only what a publishing checkout holds
/// (hidden entries such as `.git` or `.nojekyll`, and a top-level `CNAME`), or has the marker
/// Herald writes (`OutputMarker`). In a folder of Herald's, the files the marker lists as written
/// are Herald's to replace or remove; hidden entries, `CNAME` and the files it lists as kept are
/// carried into every new output; anything else is foreign, and the policy says what becomes of it.
package enum OutputOwnership {
    /// Why a build stopped before writing.
    package struct Refusal: Error, Sendable, CustomStringConvertible {
        package var output: String
        package var foreign: [String]

        package var description: String {
            let others = foreign.count > 1 ? " and \(foreign.count - 1) more" : ""
            return "the output folder \(output) holds files Herald did not write (\(output)/\(foreign[0])"
                + "\(others)), and a build replaces the whole folder; move them away, build into an empty "
                + "folder, or take this one over with --force (keeps them) or --clean (removes them)"
        }
    }

    /// Whether the top-level entry `name` of an output is carried into every new output as it is.
    package static func isPreserved(topLevel name: String) -> Bool {
        name.hasPrefix(".") || name == "CNAME"
    }

    /// The foreign files of an output that the new output keeps, and those its marker listed.
    package struct Claim: Sendable, Equatable {
        package var kept: Set<String>
        package var keptBefore: Set<String>
    }

    /// The files to carry into the new output (relative paths), or a refusal.
    ///
    /// - Parameters:
    ///   - unchangedSinceLastBuild: the build cache vouches that no file was added to the output
    ///     since Herald last wrote it, so it need not be listed again.
    ///   - recordedFiles: the files Herald wrote there as the build cache remembers them, for an
    ///     output written before Herald kept a marker.
    package static func claim(
        in output: String, policy: ForeignFilePolicy, unchangedSinceLastBuild: Bool,
        recordedFiles: () -> Set<String>
    ) throws(Refusal) -> Claim {
        let marker = OutputMarker.read(in: output)
        let previouslyKept = marker?.kept ?? []
        if marker != nil, unchangedSinceLastBuild {
            return Claim(kept: policy == .remove ? [] : previouslyKept, keptBefore: previouslyKept)
        }
        let herald = marker?.written ?? recordedFiles()
        // A link or pipe someone put there is theirs too.
        let entries = DirectoryWalk.entries(below: output)
        let present = (entries.files + entries.others).filter {
            !($0.firstIndex(of: "/") == nil && isPreserved(topLevel: $0))
        }
        let foreign = present.filter { !herald.contains($0) && !previouslyKept.contains($0) }
        let stillThere = previouslyKept.intersection(present)
        switch policy {
        case .refuse:
            guard foreign.isEmpty else { throw Refusal(output: output, foreign: foreign.sorted()) }
            return Claim(kept: stillThere, keptBefore: previouslyKept)
        case .keep:
            return Claim(kept: stillThere.union(foreign), keptBefore: previouslyKept)
        case .remove:
            return Claim(kept: [], keptBefore: previouslyKept)
        }
    }
}
