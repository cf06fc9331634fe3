/// The files below a folder, as `FileSystem.files(below:)` finds them, and the entries it would
/// not follow.
package struct FolderListing: Sendable, Equatable {
    /// An entry the listing stopped at.
    package struct Problem: Sendable, Equatable {
        package enum Kind: Sendable, Equatable {
            /// A folder already listed, reached again through a symbolic link: a loop of links, or a
            /// second link to one folder. `firstPath` is where it was first reached ("" for the root).
            case revisited(firstPath: String)
            /// A symbolic link to `target`, which lies outside the listed folder.
            case outside(target: String)
            /// A folder that cannot be read.
            case unreadable
        }

        /// Relative to the listed folder.
        package var path: String
        package var kind: Kind
    }

    /// Relative paths of regular files, in the order of a depth-first walk with each folder's
    /// names sorted (`a/x` before `a-b/x`).
    package var files: [String]
    package var problems: [Problem]

    package init(files: [String] = [], problems: [Problem] = []) {
        self.files = Self.walkOrder(files)
        self.problems = problems.sorted { Self.precedes($0.path, $1.path) }
    }

    package static func walkOrder(_ paths: [String]) -> [String] {
        paths.sorted(by: precedes)
    }

    /// Component by component, so a folder's files stay together whatever its name is followed by.
    private static func precedes(_ left: String, _ right: String) -> Bool {
        left.split(separator: "/").lexicographicallyPrecedes(right.split(separator: "/"))
    }

    /// True for a path with a hidden component (`.git/…`, `partials/.draft.mustache`).
    package static func isHidden(_ relative: String) -> Bool {
        relative.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}
