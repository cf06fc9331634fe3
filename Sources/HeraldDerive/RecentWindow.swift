import Foundation

/// "Recent": the last seven days before `now`. The status index lists the incidents resolved in
/// it, and the state keeps resolved incidents and ended windows for it, so the next build can
/// report them and tell a reopened incident from a new one. One rule for both, so the page and
/// the notifications never disagree about what is recent.
package enum RecentWindow {
    package static let days = 7

    /// Less than `days` before `now`, or later.
    package static func contains(_ date: Date, asOf now: Date) -> Bool {
        now.timeIntervalSince(date) < Double(days) * 86_400
    }
}
