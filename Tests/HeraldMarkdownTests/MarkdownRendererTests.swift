import Testing

@testable import HeraldCore
@testable import HeraldMarkdown
@testable import HeraldTestSupport

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersBasicBlocks() {
        #expect(renderer.html("# Title\n\nSome *text*.") == "<h1>Title</h1>\n<p>Some <em>text</em>.</p>\n")
    }

    @Test func rendersTables() {
        let html = renderer.html("| a | b |\n|---|--:|\n| 1 | 2 |\n")
        #expect(
            html == """
                <table>
                <thead>
                <tr>
                <th>a</th>
                <th align="right">b</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td>1</td>
                <td align="right">2</td>
                </tr>
                </tbody>
                </table>

                """)
    }

    @Test func rendersStrikethrough() {
        #expect(renderer.html("~~gone~~ here") == "<p><del>gone</del> here</p>\n")
    }

    @Test func rendersAutolinks() {
        let html = renderer.html("See www.example.com, https://example.org/x and ops@example.com.")
        #expect(
            html == "<p>See <a href=\"http://www.example.com\">www.example.com</a>, "
                + "<a href=\"https://example.org/x\">https://example.org/x</a> and "
                + "<a href=\"mailto:ops@example.com\">ops@example.com</a>.</p>\n")
    }

    /// The boxes say whether they are done (axe-core: "Form elements must have labels").
    @Test func rendersTaskLists() {
        let html = renderer.html("- [ ] todo\n- [x] done\n")
        #expect(
            html == "<ul>\n<li><input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" /> todo</li>\n"
                + "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" /> done</li>\n</ul>\n"
        )
    }

    @Test func codeShowingACheckboxIsNotLabelled() {
        let markdown = "Type `<input type=\"checkbox\" disabled=\"\" />` to see a box.\n"
        #expect(
            renderer.html(markdown)
                == "<p>Type <code>&lt;input type=&quot;checkbox&quot; disabled=&quot;&quot; /&gt;</code> to see a box.</p>\n"
        )
    }

    @Test func tagFilterAppliesWhenRawHTMLIsAllowed() {
        let unsafe = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: true))
        #expect(unsafe.html("a <title>x</title> <b>b</b>") == "<p>a &lt;title>x&lt;/title> <b>b</b></p>\n")
    }

    @Test func smartPunctuation() {
        #expect(
            renderer.html("\"Quoted\" and 'single' -- en --- em... it's")
                == "<p>“Quoted” and ‘single’ – en — em… it’s</p>\n")
    }

    @Test func footnotesWithoutPrefix() {
        let html = renderer.html("Text[^1].\n\n[^1]: The note.\n")
        #expect(html.contains("<a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a>"))
        #expect(html.contains("<li id=\"fn-1\">"))
        #expect(html.contains("<a href=\"#fnref-1\" class=\"footnote-backref\""))
    }

    @Test func footnotesWithPrefix() {
        let markdown = "One[^a], two[^b], one again[^a].\n\n[^a]: First.\n[^b]: Second.\n"
        let html = renderer.html(markdown, idPrefix: "u3-")
        #expect(html.contains("<a href=\"#u3-fn-a\" id=\"u3-fnref-a\" data-footnote-ref>1</a>"))
        #expect(html.contains("<a href=\"#u3-fn-b\" id=\"u3-fnref-b\" data-footnote-ref>2</a>"))
        #expect(html.contains("<a href=\"#u3-fn-a\" id=\"u3-fnref-a-2\" data-footnote-ref>1</a>"))
        #expect(html.contains("<li id=\"u3-fn-a\">"))
        #expect(html.contains("<li id=\"u3-fn-b\">"))
        #expect(html.contains("<a href=\"#u3-fnref-a\" class=\"footnote-backref\""))
        #expect(html.contains("<a href=\"#u3-fnref-a-2\" class=\"footnote-backref\""))
        #expect(!html.contains("\"fn-") && !html.contains("\"#fn") && !html.contains("\"fnref-"))

        // Two documents on one page share no ids.
        let other = renderer.html(markdown, idPrefix: "u4-")
        #expect(ids(in: html).isDisjoint(with: ids(in: other)))
        #expect(ids(in: html).count == 5)
    }

    @Test func footnotePrefixIsEscaped() {
        let html = renderer.html("x[^1]\n\n[^1]: n\n", idPrefix: "a\"b-")
        #expect(html.contains("id=\"a&quot;b-fnref-1\""))
    }

    @Test func inlineHTMLDropsOnlyTheOuterParagraph() {
        #expect(renderer.inlineHTML("Is *mail* delayed?") == "Is <em>mail</em> delayed?")
        #expect(renderer.inlineHTML("a <p> in `code`") == "a  in <code>code</code>")
        #expect(renderer.inlineHTML("Line one\nline two") == "Line one\nline two")
        #expect(renderer.inlineHTML("") == "")
        // More than one block keeps its markup.
        #expect(renderer.inlineHTML("one\n\ntwo") == "<p>one</p>\n<p>two</p>")
    }

    @Test func firstParagraphText() {
        let markdown = """
            # Heading

            We *moved* the [mail queue](https://example.com) &amp; `smtp`
            to   new   hosts — see ![diagram](a.png)[^1].

            Second paragraph.

            [^1]: Footnote.
            """
        #expect(
            renderer.firstParagraphText(markdown)
                == "We moved the mail queue & smtp to new hosts — see diagram.")
        #expect(renderer.firstParagraphText("> Quoted **first**\n\nnext") == "Quoted first")
        #expect(renderer.firstParagraphText("| a |\n|---|\n| b |\n") == "")
        #expect(renderer.firstParagraphText("") == "")
    }

    @Test func plainText() {
        #expect(
            renderer.plainText("Why is **Cluster A** &lt;slow&gt; &amp; \"late\"?")
                == "Why is Cluster A <slow> & “late”?")
        #expect(renderer.plainText("  spaced \n\n  out  ") == "spaced out")
        #expect(renderer.plainText("a <b>raw</b> c") == "a raw c")
        #expect(renderer.plainText("~~old~~ new") == "old new")
        #expect(renderer.plainText("") == "")
    }

    @Test func collapsingWhitespace() {
        #expect(PlainText.collapsingWhitespace(" \t a\u{A0}\u{2003}b \n\r\u{0B}\u{0C}c\u{3000}") == "a b c")
        #expect(PlainText.collapsingWhitespace("é\u{301} 🚨\n👩‍💻") == "é\u{301} 🚨 👩‍💻")
        #expect(PlainText.collapsingWhitespace(" \n ") == "")
    }

    @Test func emptyInput() {
        #expect(renderer.html("") == "")
        #expect(renderer.html("   \n\n") == "")
        #expect(renderer.html("", idPrefix: "x-") == "")
    }

    @Test func nonASCIIAndEmoji() {
        #expect(
            renderer.html("Störung in Zürich 🚨 — **行** 👩‍💻")
                == "<p>Störung in Zürich 🚨 — <strong>行</strong> 👩‍💻</p>\n")
        #expect(renderer.plainText("*Ünïcödé* 🎉") == "Ünïcödé 🎉")
    }

    @Test func nulBytesAreReplaced() {
        #expect(renderer.html("a\u{0}b") == "<p>a\u{FFFD}b</p>\n")
    }

    @Test func oversizedDocumentIsEscapedText() {
        let line = "<script>x</script> *a* & b\n"
        let markdown = String(
            repeating: line, count: MarkdownRenderer.maximumDocumentBytes / line.utf8.count + 1)
        #expect(markdown.utf8.count > MarkdownRenderer.maximumDocumentBytes)
        let html = renderer.html(markdown)
        #expect(html.hasPrefix("<p>&lt;script&gt;x&lt;/script&gt; *a* &amp; b\n"))
        #expect(html.hasSuffix("</p>\n"))
        #expect(!html.contains("<script>") && !html.contains("<em>"))
        #expect(renderer.plainText(markdown).hasPrefix("<script>x</script> *a* & b <script>"))
    }

    @Test func documentAtTheCapIsParsed() {
        let markdown = "*a*" + String(repeating: " ", count: MarkdownRenderer.maximumDocumentBytes - 3)
        #expect(renderer.html(markdown) == "<p><em>a</em></p>\n")
    }

    private func ids(in html: String) -> Set<String> {
        var ids = Set<String>()
        var rest = html[...]
        while let range = rest.range(of: " id=\"") {
            rest = rest[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { ids.insert(String(rest[..<end])) }
        }
        return ids
    }

    /// One parse giving two results must give exactly what two parses give.
    @Test func combinedRendersEqualSeparateOnes() {
        let renderer = MarkdownRenderer()
        let texts = [
            "First *para*[^1] with www.example.com.\n\nSecond.\n\n[^1]: A note.",
            "> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter the table, [a link](#fn-1).",
            "What is **new**?", "", String(repeating: "x", count: MarkdownRenderer.maximumDocumentBytes + 1),
        ]
        for text in texts {
            let body = renderer.htmlAndFirstParagraphText(text, idPrefix: "b-")
            #expect(body.html == renderer.html(text, idPrefix: "b-"))
            #expect(body.firstParagraph == renderer.firstParagraphText(text))
            let inline = renderer.inlineHTMLAndPlainText(text)
            #expect(inline.html == renderer.inlineHTML(text))
            #expect(inline.text == renderer.plainText(text))
        }
        #expect(renderer.html(texts[0], idPrefix: "b-").contains("id=\"b-fn-1\""))
        #expect(renderer.html(texts[1], idPrefix: "b-").contains("href=\"#b-fn-1\""))
    }
}
