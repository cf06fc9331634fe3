import Foundation
import Testing

@testable import HeraldDerive
@testable import HeraldTestSupport

/// The index's "Recent incidents" and the state's recently resolved incidents share one window,
/// whose edge is the same for both: exactly seven days ago is no longer recent.
@Suite struct RecentWindowTests {
    static let now = Date(timeIntervalSince1970: 1_760_000_000)

    @Test func sevenDaysAgoIsTheFirstInstantOutside() {
        let week = Double(RecentWindow.days) * 86_400
        #expect(RecentWindow.contains(Self.now, asOf: Self.now))
        #expect(RecentWindow.contains(Self.now.addingTimeInterval(3600), asOf: Self.now))
        #expect(RecentWindow.contains(Self.now.addingTimeInterval(-week + 1), asOf: Self.now))
        #expect(!RecentWindow.contains(Self.now.addingTimeInterval(-week), asOf: Self.now))
    }
}
