import Testing

@testable import HeraldCore
@testable import HeraldMarkdown
@testable import HeraldTestSupport

@Suite struct MarkdownSafetyTests {
    let renderer = MarkdownRenderer()
    let unsafeRenderer = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true))

    @Test func rawHTMLBlocksAreDroppedByDefault() {
        let markdown = "Before\n\n<script>alert(1)</script>\n\n<div onclick=\"x()\">\nhi\n</div>\n\nAfter\n"
        #expect(renderer.html(markdown) == "<p>Before</p>\n<p>After</p>\n")
    }

    @Test func rawInlineHTMLIsDroppedByDefault() {
        #expect(
            renderer.html("a <img src=x onerror=alert(1)> b <b>bold</b> <!-- c --> c")
                == "<p>a  b bold  c</p>\n")
        #expect(renderer.html("<span>only</span>") == "<p>only</p>\n")
        #expect(renderer.html("<br>") == "")
        #expect(!renderer.html("x <script>alert(1)</script>").contains("script>"))
    }

    @Test func rawHTMLIsKeptWhenAllowed() {
        #expect(
            unsafeRenderer.html("<div class=\"note\">\nhi\n</div>\n\na <b>b</b> <img src=x.png onerror=f()>")
                == "<div class=\"note\">\nhi\n</div>\n<p>a <b>b</b> <img src=x.png onerror=f()></p>\n")
    }

    @Test(arguments: [
        "<a href=\"javascript:alert(1)\">t</a>",
        "<a HREF=JaVaScRiPt:alert(1)>t</a>",
        "<a href='&#106;avascript:alert(1)'>t</a>",
        "<a href=\"&#x6A&#x61vascript:alert(1)\">t</a>",
        "<a href=\"java&Tab;script:alert(1)\">t</a>",
        "<a href=\"javascript&colon;alert(1)\">t</a>",
        "<a href=\" \u{1}javascript:alert(1)\">t</a>",
        "<a href=\"data:text/html,x\">t</a>",
        "<a href=\"vbscript:x\">t</a>",
    ])
    func rawHTMLLinksWithBadSchemesAreNeutralised(anchor: String) {
        #expect(unsafeRenderer.html("x \(anchor) y") == "<p>x <a>t</a> y</p>\n")
    }

    @Test func rawHTMLURLAttributesAreFilteredEverywhere() {
        #expect(
            unsafeRenderer.html("<img src=\"javascript:x\" alt=\"a\" onerror=\"f()\">")
                == "<img alt=\"a\" onerror=\"f()\">\n")
        #expect(
            unsafeRenderer.html(
                "<form action=\"javascript:x\"><button formaction=vbscript:y>b</button></form>")
                == "<form><button>b</button></form>\n")
        #expect(
            unsafeRenderer.html("<a title=\"x\" href=\"https://ok.example/\" data-x='1'>ok</a>")
                == "<p><a title=\"x\" href=\"https://ok.example/\" data-x='1'>ok</a></p>\n")
        #expect(unsafeRenderer.html("<a href=/rel#x:y>r</a>") == "<p><a href=/rel#x:y>r</a></p>\n")
        #expect(
            RawHTMLAttributeFilter.neutralise(
                "<a href=\"javascript:x\"title=\"t\">a</a> <a href=vbscript:x/>")
                == "<a title=\"t\">a</a> <a>")
        #expect(
            RawHTMLAttributeFilter.neutralise("<A\nclass=x/ SRC = 'javascript:x' / > src=javascript:y")
                == "<A\nclass=x/ / > src=javascript:y")
    }

    @Test(arguments: [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](<  javascript:alert(1)>)",
        "[click](&#1;javascript:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;avascript:alert(1))",
        "[click](javascript&colon;alert(1))",
        "[click](java&#9;script:alert(1))",
        "[click](java&#10;script:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        "[click](data:image/png;base64,AAAA)",
        "[click](file:///etc/passwd)",
        "[click](ftp://example.com/)",
        "[click](tel:+15550100)",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "<tel:+15550100>",
    ])
    func linksWithBadSchemesLoseTheLinkButKeepTheText(markdown: String) {
        for renderer in [renderer, unsafeRenderer] {
            let html = renderer.html(markdown)
            #expect(!html.contains("<a"), "\(html)")
            #expect(!html.lowercased().contains("href"), "\(html)")
            #expect(html.hasPrefix("<p>") && html.count > 8, "\(html)")
        }
        #expect(renderer.html("[click](javascript:alert(1))") == "<p>click</p>\n")
        #expect(renderer.html("<javascript:alert(1)>") == "<p>javascript:alert(1)</p>\n")
    }

    @Test func droppedLinkKeepsFormattedText() {
        #expect(
            renderer.html("a [**bold** `code`](javascript:x) b")
                == "<p>a <strong>bold</strong> <code>code</code> b</p>\n")
    }

    @Test(arguments: [
        ("[a](https://example.com/x?y=1#z)", "https://example.com/x?y=1#z"),
        ("[a](http://example.com)", "http://example.com"),
        ("[a](HTTPS://EXAMPLE.COM)", "HTTPS://EXAMPLE.COM"),
        ("[a](mailto:ops@example.com)", "mailto:ops@example.com"),
        ("[a](/incidents/x/)", "/incidents/x/"),
        ("[a](../blog/?q=a:b)", "../blog/?q=a:b"),
        ("[a](#q-why)", "#q-why"),
        ("[a](//cdn.example.com/x)", "//cdn.example.com/x"),
        ("[a](page.html)", "page.html"),
        ("[a]()", ""),
    ])
    func goodLinksAreKept(markdown: String, href: String) {
        #expect(renderer.html(markdown) == "<p><a href=\"\(href)\">a</a></p>\n")
    }

    @Test func imagesWithGoodURLsAreKept() {
        #expect(
            renderer.html("![a graph](/img/graph.png \"Load\")")
                == "<p><img src=\"/img/graph.png\" alt=\"a graph\" title=\"Load\" /></p>\n")
        #expect(
            renderer.html("![x](https://example.com/x.png)")
                == "<p><img src=\"https://example.com/x.png\" alt=\"x\" /></p>\n")
    }

    @Test func imagesWithBadURLsBecomeTheirAltText() {
        #expect(renderer.html("![the *alt*](javascript:x)") == "<p>the <em>alt</em></p>\n")
        #expect(renderer.html("![pixel](data:image/png;base64,AAAA)") == "<p>pixel</p>\n")
        #expect(
            renderer.html("[![logo](/logo.png)](javascript:x)")
                == "<p><img src=\"/logo.png\" alt=\"logo\" /></p>\n")
        #expect(renderer.html("[![logo](vbscript:y)](javascript:x)") == "<p>logo</p>\n")
    }

    @Test func schemePolicy() {
        #expect(URLSchemePolicy.allows("https://x"))
        #expect(URLSchemePolicy.allows("Mailto:a@b"))
        #expect(URLSchemePolicy.allows("x/y:z"))
        #expect(URLSchemePolicy.allows(""))
        #expect(!URLSchemePolicy.allows("\u{0}\u{1F} javascript:x"))
        #expect(!URLSchemePolicy.allows("java\tscr\nipt:x"))
        #expect(!URLSchemePolicy.allows("\u{A0}javascript:x"))
        #expect(!URLSchemePolicy.allows("https\u{0}:x"))
        #expect(!URLSchemePolicy.allows("a:b"))
    }

    @Test func characterReferenceDecoding() {
        #expect(
            RawHTMLAttributeFilter.decodeCharacterReferences("&#106;&#x61&#X76;a&colon;&amp;") == "java:&")
        #expect(RawHTMLAttributeFilter.decodeCharacterReferences("a&unknown;b&#;&") == "a&unknown;b&#;&")
        #expect(RawHTMLAttributeFilter.decodeCharacterReferences("&#0;&#99999999;") == "\u{FFFD}\u{FFFD}")
    }
}
