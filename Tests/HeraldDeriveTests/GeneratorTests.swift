import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

/// `state.json` names the Herald that wrote it, and the diff never reports that as a change.
@Suite struct GeneratorTests {
    @Test func theDiffIgnoresWhoWroteTheState() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(RepositoryPaths.golden)/api/state.json"))
        let state = try SiteState.decode(data)
        #expect(state.generator == "herald \(HeraldVersion.current)")
        var older = state
        older.generator = "herald 0.2.0"
        #expect(StateDiff.diff(from: older, to: state).changes.isEmpty)
        // A state written before the key existed reads as written by no one in particular.
        let text = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "  \"generator\" : \"herald \(HeraldVersion.current)\",\n", with: "")
        #expect(try SiteState.decode(Data(text.utf8)).generator == "")
    }
}
