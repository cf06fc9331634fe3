import Foundation
import Testing

@testable import HeraldTestSupport

/// The built-in theme is the base and the site's `Templates/` overrides it file by file, as
/// Hugo's theme lookup does. A site with `Content/` and no `Templates/` failed with
/// `Templates:1:1: error: missing template layout.mustache`.
@Suite(
    .enabled(if: HeraldProcess.executable != nil, "needs the herald executable: swift build --build-tests"))
struct ThemeLookupTests {
    static let build = ["build", "--now", "2025-10-06T19:00:00Z", "--verbose"]

    /// The example's `Templates/` is the built-in theme, so without it the site is the same.
    @Test func contentAloneBuildsWithTheBuiltInTheme() throws {
        let full = try HeraldProcess.copyOfExampleSite()
        let bare = try HeraldProcess.copyOfExampleSite()
        try FileManager.default.removeItem(atPath: "\(bare)/Templates")
        #expect(try HeraldProcess.run(Self.build, in: full).status == 0)
        let run = try HeraldProcess.run(Self.build, in: bare)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("  theme: the built-in default theme (Templates has no files)\n"))
        #expect(HeraldProcess.snapshot(of: "\(bare)/Output") == HeraldProcess.snapshot(of: "\(full)/Output"))
    }

    @Test func oneFileOverridesOnlyItself() throws {
        let full = try HeraldProcess.copyOfExampleSite()
        let site = try HeraldProcess.copyOfExampleSite()
        try FileManager.default.removeItem(atPath: "\(site)/Templates")
        try FileManager.default.createDirectory(
            atPath: "\(site)/Templates", withIntermediateDirectories: true)
        try "{{<layout}}{{$main}}<h1>Lost? Try the status page.</h1>{{/main}}{{/layout}}\n".write(
            toFile: "\(site)/Templates/404.mustache", atomically: false, encoding: .utf8)
        #expect(try HeraldProcess.run(Self.build, in: full).status == 0)
        let run = try HeraldProcess.run(Self.build, in: site)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.standardOutput.contains(
                "  theme: Templates/404.mustache from the site; 24 files from the built-in default theme\n"))
        let published = HeraldProcess.snapshot(of: "\(site)/Output")
        let reference = HeraldProcess.snapshot(of: "\(full)/Output")
        #expect(
            String(decoding: published["404.html"] ?? Data(), as: UTF8.self).contains(
                "Lost? Try the status page."))
        let differing = reference.keys.filter { published[$0] != reference[$0] }.sorted()
        #expect(differing == ["404.html"])
    }

    /// A partial that exists neither in the site nor in the built-in theme rendered as nothing.
    @Test func aPartialThatExistsNowhereIsAnErrorAtItsTag() throws {
        let site = try HeraldProcess.copyOfExampleSite()
        try "{{<layout}}{{$main}}<h1>Lost?</h1>{{> partials/badges}}{{/main}}{{/layout}}\n".write(
            toFile: "\(site)/Templates/404.mustache", atomically: false, encoding: .utf8)
        let run = try HeraldProcess.run(Self.build, in: site)
        #expect(run.status == 1)
        #expect(
            run.standardError.hasPrefix(
                "Templates/404.mustache:1:35: error: no template `partials/badges`: there is no "
                    + "Templates/partials/badges.mustache, and the default theme has none; check the name, or add "
                    + "the file. Did you mean `partials/badge`?\n"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: "\(site)/Output/index.html"))
    }
}
