import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldLoad
@testable import HeraldTestSupport
@testable import HeraldValidate

@Suite struct ValidatorFixtureTests {
    @Test func fixtureIsValid() throws {
        let result = try Fixture.validate(Fixture.files)
        #expect(Fixture.errors(result) == [])
        #expect(result.diagnostics.isEmpty)
        let site = try #require(result.site)
        #expect(site.incidents.map(\.slug) == ["2025-10-06-cluster-a-email", "2025-08-14-cluster-a"])
        #expect(site.maintenances.map(\.slug) == ["2025-10-20-cluster-b-storage"])
        #expect(site.posts.map(\.slug) == ["2025-10-06-cluster-a-qa"])
        #expect(site.config.title == "Example Mail Status")
        #expect(site.config.timeZone.identifier == "America/Toronto")
    }
}
