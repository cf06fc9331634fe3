import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

@Suite struct TimestampTests {
    @Test func parsesUTCAndOffsets() throws {
        let utc = try #require(Timestamp.parse("2025-10-06T17:30:00Z"))
        #expect(utc.timeIntervalSince1970 == 1_759_771_800)
        #expect(Timestamp.parse("2025-10-06T19:30:00+02:00") == utc)
        #expect(Timestamp.parse("2025-10-06T13:30:00-04:00") == utc)
        #expect(Timestamp.parse("2025-10-06t17:30:00z") == utc)
        #expect(Timestamp.parse("2025-10-06 17:30:00Z") == utc)
        #expect(Timestamp.parse("2025-10-06T17:30Z") == utc)
    }

    @Test func parsesFractions() throws {
        let date = try #require(Timestamp.parse("2025-10-06T17:30:00.250Z"))
        #expect(abs(date.timeIntervalSince1970 - 1_759_771_800.25) < 0.0001)
        #expect(Timestamp.parse("2025-10-06T17:30:00.Z") == nil)
    }

    @Test func rejectsBareDatesLocalTimesAndNonsense() {
        for text in [
            "2025-10-06", "2025-10-06T17:30:00", "2025-10-06T17:30", "17:30:00Z", "", "now",
            "2025-02-30T00:00:00Z",
            "2025-13-01T00:00:00Z", "2025-10-06T24:00:00Z", "2025-10-06T17:60:00Z",
            "2025-10-06T17:30:00+2:00",
            "2025-10-06T17:30:00+02", "2025-10-06T17:30:00Z junk", "25-10-06T17:30:00Z",
            "２０２５-10-06T17:30:00Z",
        ] {
            #expect(Timestamp.parse(text) == nil, "\(text)")
        }
    }

    @Test func leapDays() {
        #expect(Timestamp.parse("2024-02-29T00:00:00Z") != nil)
        #expect(Timestamp.parse("2100-02-29T00:00:00Z") == nil)
        #expect(Timestamp.parse("2000-02-29T00:00:00Z") != nil)
    }

    @Test func parseNowAcceptsUnixSecondsAndRFC3339() {
        #expect(Timestamp.parseNow("@1759771800")?.timeIntervalSince1970 == 1_759_771_800)
        #expect(Timestamp.parseNow("@0")?.timeIntervalSince1970 == 0)
        #expect(Timestamp.parseNow("@-60")?.timeIntervalSince1970 == -60)
        #expect(Timestamp.parseNow("2025-10-06T17:30:00Z")?.timeIntervalSince1970 == 1_759_771_800)
        #expect(Timestamp.parseNow("@") == nil)
        #expect(Timestamp.parseNow("@12abc") == nil)
        #expect(Timestamp.parseNow("@1.5") == nil)
        #expect(Timestamp.parseNow("1759771800") == nil)
    }

    @Test func formatsUTCWholeSeconds() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_759_771_800.9)) == "2025-10-06T17:30:00Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(Timestamp.compact(Date(timeIntervalSince1970: 1_759_772_400)) == "20251006T174000Z")
    }

    @Test func formatRoundTrips() throws {
        for text in [
            "2000-02-29T12:00:00Z", "1999-12-31T23:59:59Z", "2038-01-19T03:14:08Z", "0001-01-01T00:00:00Z",
        ] {
            let date = try #require(Timestamp.parse(text))
            #expect(Timestamp.format(date) == text)
        }
    }
}
