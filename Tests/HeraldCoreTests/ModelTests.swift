import Testing

@testable import HeraldCore
@testable import HeraldTestSupport

@Suite struct BaseURLTests {
    @Test func keepsPathAndAddsTrailingSlash() throws {
        let url = try #require(BaseURL("https://Status.Example.com/status"))
        #expect(url.absolute == "https://Status.Example.com/status/")
        #expect(url.path == "/status/")
        #expect(url.host == "status.example.com")
        #expect(url.url("feed.atom") == "https://Status.Example.com/status/feed.atom")
    }

    @Test func rejectsNonHTTP() {
        #expect(BaseURL("ftp://example.com/") == nil)
        #expect(BaseURL("example.com") == nil)
        #expect(BaseURL("https:///path") == nil)
    }
}
