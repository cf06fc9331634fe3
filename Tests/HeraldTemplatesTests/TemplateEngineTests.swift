import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldTemplates
@testable import HeraldTestSupport

/// The template engine against the Mustache specification's rules (and swift-mustache's
/// transforms, which themes may use).
@Suite struct TemplateEngineTests {
    /// Renders `templates["main"]` with `model`.
    static func render(_ model: TemplateValue, _ templates: [String: String]) throws -> String {
        var parsed: [String: Template] = [:]
        for (name, text) in templates { parsed[name] = try TemplateParser.parse(text) }
        let renderer = TemplateRenderer(templates: parsed)
        return String(decoding: try #require(try renderer.render("main", with: model)), as: UTF8.self)
    }

    static func render(_ model: TemplateValue, _ text: String) throws -> String {
        try render(model, ["main": text])
    }

    static func object(_ properties: KeyValuePairs<String, TemplateValue>) -> TemplateValue {
        let object = TemplateObject()
        for (name, value) in properties { object.append(value, named: name) }
        return .object(object)
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let model = Self.object(["x": .string(#"<a href="j">&'</a>"#), "n": .int(42), "b": .bool(true)])
        #expect(
            try Self.render(model, "{{x}}|{{{x}}}|{{& x}}|{{n}}|{{b}}|{{missing}}")
                == #"&lt;a href=&quot;j&quot;&gt;&amp;&#39;&lt;/a&gt;|<a href="j">&'</a>|<a href="j">&'</a>|42|true|"#
        )
        #expect(try Self.render(Self.object(["d": .double(99.5)]), "{{d}}") == "99.5")
        #expect(try Self.render(Self.object(["é": .string("x")]), "ü {{missing}} ü") == "ü  ü")
    }

    @Test func namesClimbTheContextStackButDottedAndAnchoredNamesDoNot() throws {
        let inner = Self.object(["name": .string("inner")])
        let model = Self.object([
            "name": .string("outer"), "title": .string("T"), "item": inner,
            "deep": Self.object(["a": Self.object(["b": .string("B")])]),
        ])
        #expect(
            try Self.render(model, "{{#item}}{{name}} {{title}} {{.name}}[{{.title}}]{{/item}}")
                == "inner T inner[]")
        #expect(try Self.render(model, "{{deep.a.b}} {{deep.x.b}} {{#deep.a}}{{b}}{{/deep.a}}") == "B  B")
        #expect(
            try Self.render(
                Self.object(["list": .list([.string("a"), .string("<b>")])]), "{{#list}}{{.}},{{/list}}")
                == "a,&lt;b&gt;,")
    }

    @Test func sectionsOverListsBooleansValuesAndMissingNames() throws {
        let model = Self.object([
            "items": .list([Self.object(["n": .int(1)]), Self.object(["n": .int(2)])]),
            "none": .list([]), "yes": .bool(true), "no": .bool(false), "text": .string(""),
        ])
        #expect(try Self.render(model, "{{#items}}<{{n}}>{{/items}}") == "<1><2>")
        #expect(try Self.render(model, "{{#none}}x{{/none}}{{^none}}empty{{/none}}") == "empty")
        #expect(
            try Self.render(model, "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}{{^yes}}y{{/yes}}") == "Yn"
        )
        #expect(try Self.render(model, "{{#missing}}M{{/missing}}{{^missing}}m{{/missing}}") == "m")
        // Any present value, even an empty string, is truthy (as in swift-mustache).
        #expect(try Self.render(model, "{{#text}}T{{/text}}{{^text}}t{{/text}}") == "T")
    }

    @Test func standaloneTagLinesAreRemoved() throws {
        let model = Self.object(["list": .list([.string("a"), .string("b")]), "flag": .bool(false)])
        let template =
            "<ul>\n  {{#list}}\n  <li>{{.}}</li>\n  {{/list}}\n  {{! a comment }}\n</ul>\n{{^flag}}\nno\n{{/flag}}"
        #expect(try Self.render(model, template) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\nno\n")
        // Not standalone: another tag or text on the line keeps the line.
        #expect(try Self.render(model, " {{#flag}}x{{/flag}} \n") == "  \n")
        #expect(try Self.render(model, "a\r\n{{#list}}\r\n{{.}}\r\n{{/list}}\r\nb") == "a\r\na\r\nb\r\nb")
    }

    /// Several tags that output nothing make a standalone line together; an interpolation or
    /// text on the line keeps it.
    @Test func linesOfSeveralTagsAreStandalone() throws {
        let model = Self.object(["list": .list([.string("a")]), "flag": .bool(true)])
        #expect(
            try Self.render(model, "<p>\n  {{#flag}}{{! note }}  {{#list}}\n{{.}}\n{{/list}}{{/flag}}\n</p>")
                == "<p>\na\n</p>")
        #expect(try Self.render(model, "{{#list}}{{.}}{{/list}}\n") == "a\n")
        #expect(try Self.render(model, "{{=<% %>=}}<%#flag%>\nx\n<%/flag%>\n") == "x\n")
    }

    /// Inside a parent: a block's own indentation is dropped, the parent's block indentation put
    /// on every line; a block whose tags share a standalone line keeps the line end.
    @Test func blocksAreReindented() throws {
        let templates = [
            "layout":
                "<main>\n    {{$main}}{{/main}}\n</main>\n<ul>\n  {{$items}}\n  <li>none</li>\n  {{/items}}\n</ul>\n",
            "main":
                "{{<layout}}\n{{$main}}\n  <p>\n    {{text}}\n  </p>{{/main}}\n{{$items}}\n<li>a</li>\n<li>b</li>\n{{/items}}\n{{/layout}}\n",
        ]
        #expect(
            try Self.render(Self.object(["text": .string("Hi")]), templates)
                == "<main>\n    <p>\n      Hi\n    </p>\n</main>\n<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(
            try Self.render(
                Self.object([:]), ["main": "{{< layout}}{{/layout}}", "layout": templates["layout"]!])
                == "<main>\n\n</main>\n<ul>\n  <li>none</li>\n</ul>\n")
    }

    @Test func partialsAreIndentedWhenStandalone() throws {
        let model = Self.object(["x": .string("X")])
        let templates = ["main": "<div>\n  {{> part}}\n</div>\n{{>part}} inline", "part": "one {{x}}\ntwo\n"]
        #expect(try Self.render(model, templates) == "<div>\n  one X\n  two\n</div>\none X\ntwo\n inline")
        #expect(try Self.render(model, ["main": "[{{> nothing}}]"]) == "[]")
    }

    @Test func parentsReplaceTheirBlocks() throws {
        let templates = [
            "layout": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n",
            "main": "{{<layout}}\n{{$main}}\n<p>{{text}}</p>\n{{/main}}\n{{/layout}}\n",
        ]
        #expect(
            try Self.render(Self.object(["text": .string("Hi")]), templates)
                == "<title>Default</title>\n<main>\n<p>Hi</p>\n\n</main>\n")
    }

    @Test func transforms() throws {
        let model = Self.object([
            "tags": .list([.string("b"), .string("a")]), "none": .list([]), "name": .string("herald"),
            "n": .int(3),
        ])
        #expect(
            try Self.render(
                model, "{{^empty(tags)}}{{count(tags)}}{{/empty(tags)}}{{^empty(none)}}x{{/empty(none)}}")
                == "2")
        #expect(
            try Self.render(model, "{{#sorted(tags)}}{{.}}{{^last()}}, {{/last()}}{{/sorted(tags)}}")
                == "a, b")
        #expect(try Self.render(model, "{{#tags}}{{index()}}{{#first()}}*{{/first()}}{{/tags}}") == "0*1")
        #expect(
            try Self.render(
                model, "{{uppercased(name)}} {{plusone(n)}} {{#odd(n)}}odd{{/odd(n)}} {{unknown(n)}}")
                == "HERALD 4 odd ")
    }

    @Test func setDelimiters() throws {
        #expect(
            try Self.render(Self.object(["x": .string("<")]), "{{=<% %>=}}<% x %> {{x}} <%={{ }}=%>{{x}}")
                == "&lt; {{x}} &lt;")
    }

    @Test func syntaxErrorsSayWhere() {
        func error(_ text: String) -> TemplateSyntaxError? {
            do {
                _ = try TemplateParser.parse(text)
                return nil
            } catch {
                return error
            }
        }
        #expect(
            error("a\n  {{#list}}\nb")
                == TemplateSyntaxError(line: 2, column: 3, message: "`list` is never closed with `{{/list}}`")
        )
        #expect(error("{{#a}}\n{{/b}}")?.line == 2)
        #expect(error("{{/a}}")?.message == "`{{/a}}` closes a section that is not open")
        #expect(
            error("x {{name")
                == TemplateSyntaxError(line: 1, column: 3, message: "tag is not closed with `}}`"))
        #expect(error("{{bad name}}")?.column == 1)
        #expect(error("{{%PRAGMA}}") != nil)
        #expect(error("{{#a}}{{/a}}{{{b}}}{{! ok }}") == nil)
    }

    /// A partial that includes itself, or sections nested absurdly deep, stop with an error
    /// instead of overflowing the stack; recursion that data ends (a tree) still works.
    @Test func selfIncludingPartialsStopAtTheNestingLimit() throws {
        let model = Self.object(["x": .string("X")])
        #expect(throws: TemplateRenderer.NestingTooDeep(template: "loop")) {
            try Self.render(model, ["main": "{{> loop}}", "loop": "{{x}}{{> loop}}"])
        }
        #expect(throws: TemplateRenderer.NestingTooDeep(template: "a")) {
            try Self.render(model, ["main": "{{< a}}{{/a}}", "a": "{{> b}}", "b": "{{< a}}{{/a}}"])
        }
        // Sections count too: a partial with a section inside, including itself.
        #expect(throws: TemplateRenderer.NestingTooDeep(template: "loop")) {
            try Self.render(model, ["main": "{{> loop}}", "loop": "{{#x}}{{> loop}}{{/x}}"])
        }
        let deep = String(repeating: "{{#x}}", count: 200) + String(repeating: "{{/x}}", count: 200)
        #expect(throws: TemplateSyntaxError.self) { try TemplateParser.parse(deep) }
        let fine = String(repeating: "{{#x}}", count: 50) + "{{x}}" + String(repeating: "{{/x}}", count: 50)
        #expect(try Self.render(model, fine) == "X")
        let leaf = Self.object(["name": .string("leaf"), "children": .list([])])
        let tree = Self.object(["name": .string("root"), "children": .list([leaf])])
        #expect(
            try Self.render(
                tree, ["main": "{{> node}}", "node": "({{name}}{{#children}}{{> node}}{{/children}})"])
                == "(root(leaf))")
    }
}
