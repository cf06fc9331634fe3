import Testing

@testable import HeraldAuthoring
@testable import HeraldBuild
@testable import HeraldChanges
@testable import HeraldCore
@testable import HeraldDerive
@testable import HeraldLoad
@testable import HeraldMarkdown
@testable import HeraldRender
@testable import HeraldTemplates
@testable import HeraldValidate
@testable import HeraldWrite

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
