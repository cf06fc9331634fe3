import Foundation
import Testing

@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldMarkdown
@testable import HeraldRender
@testable import HeraldTemplates
@testable import HeraldTestSupport

/// The templates see view models through `TemplateTree`: every name must resolve to the
/// property `Mirror` shows, and nil optionals must stay absent so lookup falls through to
/// enclosing contexts.
@Suite struct TemplateTreeTests {
    @Test func everyPageOfTheExampleSiteMatchesMirrorLookup() throws {
        let options = BuildOptions(siteRoot: RepositoryPaths.root, now: GoldenSiteTests.now)
        let rendered = try SiteBuilder.render(options, fileSystem: LocalFileSystem())
        let markdown = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: rendered.site.config.unsafeHTML))
        let context = RenderContext(
            site: rendered.site, status: rendered.status,
            content: ContentRenderer.render(rendered.site, markdown: markdown))
        let jobs = PageRenderer.jobs(context)
        #expect(jobs.count > 10)
        for job in jobs {
            let model = job.model()
            Self.expectSame(model, TemplateTree.make(model), path: job.path)
        }
    }

    @Test func scalarsListsAndMissingOptionals() throws {
        struct Inner: Encodable {
            var name: String
            var note: String?
        }
        struct Model: Encodable {
            var title: String
            var count: Int
            var flag: Bool
            var tags: [String]
            var items: [Inner]
            var missing: Inner?
        }
        let tree = TemplateTree.make(
            Model(
                title: "<T>", count: 3, flag: true, tags: ["b", "a"], items: [Inner(name: "x", note: nil)],
                missing: nil))
        guard case .object(let object) = tree else {
            Issue.record("expected an object, got \(tree)")
            return
        }
        #expect(object.child(named: "title")?.string == "<T>")
        #expect(object.child(named: "count")?.int == 3)
        #expect(object.child(named: "flag")?.bool == true)
        #expect(object.child(named: "tags")?.list?.compactMap(\.string) == ["b", "a"])
        let items = try #require(object.child(named: "items")?.list)
        #expect(items.first?.object?.child(named: "name")?.string == "x")
        #expect(items.first?.object?.child(named: "note") == nil)
        #expect(object.child(named: "missing") == nil)
        #expect(object.child(named: "nothing") == nil)
    }

    static func expectSame(_ value: Any, _ tree: TemplateValue?, path: String) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            if let wrapped = mirror.children.first?.value {
                expectSame(wrapped, tree, path: path)
            } else {
                #expect(tree == nil, "\(path): nil optional must be absent")
            }
            return
        }
        switch value {
        case let string as String: #expect(tree?.string == string, "\(path)")
        case let int as Int: #expect(tree?.int == int, "\(path)")
        case let bool as Bool: #expect(tree?.bool == bool, "\(path)")
        default:
            if mirror.displayStyle == .collection {
                let list = tree?.list ?? []
                #expect(list.count == mirror.children.count, "\(path)")
                for (index, (element, treeElement)) in zip(mirror.children.map(\.value), list).enumerated() {
                    expectSame(element, treeElement, path: "\(path)[\(index)]")
                }
                return
            }
            guard let object = tree?.object else {
                Issue.record("\(path): expected an object for \(type(of: value))")
                return
            }
            for child in mirror.children {
                guard let label = child.label else { continue }
                expectSame(child.value, object.child(named: label), path: "\(path).\(label)")
            }
            #expect(Set(object.names).isSubset(of: Set(mirror.children.compactMap(\.label))), "\(path)")
        }
    }
}

extension TemplateValue {
    fileprivate var string: String? { if case .string(let value) = self { value } else { nil } }
    fileprivate var int: Int? { if case .int(let value) = self { value } else { nil } }
    fileprivate var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    fileprivate var list: [TemplateValue]? { if case .list(let value) = self { value } else { nil } }
    fileprivate var object: TemplateObject? { if case .object(let value) = self { value } else { nil } }
}
