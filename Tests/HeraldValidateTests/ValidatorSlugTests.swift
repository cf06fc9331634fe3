import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTestSupport
@testable import HeraldValidate

@Suite struct ValidatorSlugTests {
    @Test func validSlugs() {
        #expect(Slug.isValid("2025-10-06-cluster-a"))
        #expect(Slug.isValid("a"))
        #expect(!Slug.isValid(""))
        #expect(!Slug.isValid("-a"))
        #expect(!Slug.isValid("A"))
        #expect(!Slug.isValid("a_b"))
        #expect(!Slug.isValid("../x"))
        #expect(!Slug.isValid("é"))
    }

    @Test func makeFoldsAndCollapses() {
        #expect(Slug.make(from: "Cluster A: email issues!") == "cluster-a-email-issues")
        #expect(Slug.make(from: "  Crème brûlée -- Ørsted  ") == "creme-brulee-orsted")
        #expect(Slug.make(from: "What's up?") == "whats-up")
        #expect(Slug.make(from: "!!!") == "")
        #expect(Slug.isValid(Slug.make(from: "Does this affect outbound mail?")))
    }

    /// Typographic punctuation skips ICU's transliteration; the slug must be the one it gives.
    @Test func typographicPunctuationSlugsAsTransliterated() throws {
        for title in ["What’s new — “really”…", "‘Quoted’ – a\u{00A0}b\u{2009}c\u{202F}d", "Don’t—panic"] {
            let transliterated = try #require(
                title.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false))
            #expect(Slug.make(from: title) == Slug.make(from: transliterated), "\(title)")
        }
        #expect(Slug.make(from: "What’s new — “really”…") == "whats-new-really")
    }

    @Test func questionAnchorsAreUniqueWithinADocument() {
        var anchors = UniqueNames()
        func anchor(_ question: String, _ index: Int) -> String {
            anchors.claim(DocumentParser.anchorBase(for: question, index: index))
        }
        #expect(anchor("Is *mail* lost?", 1) == "q-is-mail-lost")
        #expect(anchor("Is mail lost?", 2) == "q-is-mail-lost-2")
        #expect(anchor("?", 3) == "q-3")
        #expect(anchor("See [the docs](https://x.example/y)", 4) == "q-see-the-docs")
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "resovled", in: ["started", "resolved"]) == "resolved")
        #expect(Suggestion.closest(to: "resolve", in: ["started", "resolved"]) == "resolved")
        #expect(Suggestion.closest(to: "afected", in: ["affected", "updates"]) == "affected")
        #expect(Suggestion.closest(to: "colour", in: ["title", "slug"]) == nil)
        #expect(Suggestion.closest(to: "s", in: ["slug"]) == nil)
    }
}
