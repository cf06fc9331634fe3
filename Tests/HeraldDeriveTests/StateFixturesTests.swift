import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldTestSupport

@Suite struct StateFixturesTests {
    @Test func handMadeStatusNamesEveryComponentInSiteOrder() {
        let site = StateFixtures.site()
        let status = StateFixtures.status(site, now: "2025-10-06T17:00:00Z")
        #expect(status.components.map(\.component.description).prefix(2) == ["a/inbound", "a/outbound"])
        #expect(status.components.count == 10)
        #expect(status.indicator == .none)
    }
}
