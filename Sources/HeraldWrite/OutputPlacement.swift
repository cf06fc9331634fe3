import Foundation
import HeraldCore

/// Where an output folder may be. A build replaces its output folder whole, so an output that
/// is, holds or lies inside anything else the user keeps would destroy it: such an output is
/// refused before anything is touched.
package enum OutputPlacement {
    /// Why the output folder was refused.
    package struct Refusal: Error, Sendable, CustomStringConvertible {
        package var output: String
        package var reason: String

        package var description: String {
            "refusing to build into \(output): \(reason); Herald replaces its output folder on every "
                + "build, so it must be a folder of its own (the default is <site>/Output): choose "
                + "another --output"
        }
    }

    /// A folder the build reads, named for the message.
    package struct Input: Sendable {
        package var name: String
        package var path: String

        package init(name: String, path: String) {
            self.name = name
            self.path = path
        }
    }

    /// Refuses `output` when it is `/`, a file, the site folder, the working folder or one of
    /// its ancestors, an input folder or inside one, or a folder holding an input.
    package static func check(
        _ output: OutputLocation, inputs: [Input], siteRoot: String, workingDirectory: String
    ) throws(Refusal) {
        func canonical(_ path: String) -> String {
            CanonicalPath.of(path, workingDirectory: workingDirectory)
        }
        let target = canonical(output.path)
        func refuse(_ reason: String) -> Refusal { Refusal(output: output.path, reason: reason) }
        if target == "/" { throw refuse("it is the root of the file system") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw refuse("it is a file, not a folder")
        }
        if target == canonical(siteRoot) { throw refuse("it is the site folder itself") }
        let working = canonical(".")
        if target == working { throw refuse("it is the working folder") }
        if CanonicalPath.isSame(working, orInside: target) { throw refuse("it holds the working folder") }
        for input in inputs {
            let folder = canonical(input.path)
            if target == folder { throw refuse("it is the \(input.name) folder") }
            if CanonicalPath.isSame(target, orInside: folder) {
                throw refuse("it is inside the \(input.name) folder")
            }
            if CanonicalPath.isSame(folder, orInside: target) {
                throw refuse("it holds the \(input.name) folder")
            }
        }
    }
}
