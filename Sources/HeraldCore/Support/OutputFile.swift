import Foundation

/// One file of the generated site, before it is written.
package struct OutputFile: Hashable, Sendable {
    /// Relative to the output folder, `/`-separated, e.g. `incidents/x/index.html`.
    package var path: String
    package var contents: Data

    package init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    package init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
