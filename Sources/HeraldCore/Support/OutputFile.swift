import Foundation

/// One file of the generated site, before it is written.
public struct OutputFile: Hashable, Sendable {
    /// Relative to the output folder, `/`-separated, e.g. `incidents/x/index.html`.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
