import Foundation
import HeraldCore
import HeraldValidate
import HeraldWrite

/// The build cache's files as a build left them, already read and decoded: what `herald serve`
/// hands from one build to the next (`SiteBuilder.build(…, warm:)`), so that the next build
/// reads none of them back and decodes no parse record again. It holds what the build wrote
/// into them, or found in them when it left them as they were (and the manifest of the output it
/// published), so a build from it does what a build from the files would.
package struct WarmCache: Sendable {
    var manifest: OutputManifest
    var markdown: [StableHash: String]
    var parses: [StableHash: Data]
    /// The documents of `parses`, by the same keys.
    var documents: [StableHash: ParsedDocument]
}
