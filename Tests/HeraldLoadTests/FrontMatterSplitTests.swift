import Testing

@testable import HeraldCore
@testable import HeraldLoad
@testable import HeraldTestSupport

/// `FrontMatter.split` scans UTF-8 bytes; these pin its results on the edges a line-based split had.
@Suite struct FrontMatterSplitTests {
    @Test func emptyFrontMatterAndBody() throws {
        let split = try FrontMatter.split("---\n---\n").get()
        #expect(split.yaml == "")
        #expect(split.body == "")
        #expect(split.bodyFirstLine == 3)
    }

    @Test func nonASCIIAndCombiningMarksStayWhole() throws {
        let split = try FrontMatter.split("---\ntitle: Café é\n...\t \né\u{301}clair\n\nline").get()
        #expect(split.yaml == "title: Café é")
        #expect(
            split.body
                == "e\u{301}\u{301}clair\n\nline".replacingOccurrences(
                    of: "e\u{301}\u{301}", with: "é\u{301}"))
        #expect(split.bodyFirstLine == 4)
    }

    @Test func delimitersMustBeWholeLines() {
        #expect(FrontMatter.split("--- x\n---\n") == .failure(.missingOpening))
        #expect(FrontMatter.split("...\n---\n") == .failure(.missingOpening))
        #expect(FrontMatter.split("---\ntitle: x\n----\n") == .failure(.missingClosing))
        #expect(FrontMatter.split("---") == .failure(.missingClosing))
    }
}
