import Foundation

@testable import HeraldAuthoring
@testable import HeraldBuild
@testable import HeraldCore
@testable import HeraldTestSupport

/// A copy of the example site on disk, for the commands that write content.
struct AuthoringFixture {
    let root: String

    init() throws {
        root = try HeraldProcess.copyOfExampleSite()
    }

    func site(now: Date = Date(timeIntervalSince1970: 0)) -> AuthoringSite {
        AuthoringSite(options: BuildOptions(siteRoot: root, now: now), fileSystem: LocalFileSystem())
    }

    /// Errors of the whole site, as printed.
    func errors() throws -> [String] {
        try SiteBuilder.check(site().options, fileSystem: LocalFileSystem()).diagnostics
            .filter { $0.severity == .error }.map(\.description)
    }

    func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    func write(_ text: String, to relative: String) throws -> String {
        let path = "\(root)/\(relative)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func time(_ text: String) -> Date {
        Timestamp.parse(text) ?? Date(timeIntervalSince1970: 0)
    }
}

/// How `new` differs from `old`: one run of lines inserted, with every other line kept; nil when
/// the difference is anything else. Lines keep a CRLF file's `\r`.
func insertedLines(from old: String, to new: String) -> [String]? {
    let before = SourceLines(old).lines
    let after = SourceLines(new).lines
    guard after.count >= before.count else { return nil }
    let prefix = zip(before, after).prefix { $0 == $1 }.count
    let suffix = zip(before.reversed(), after.reversed()).prefix { $0 == $1 }.count
    let kept = min(prefix, before.count)
    guard kept + min(suffix, before.count - kept) == before.count else { return nil }
    return Array(after[kept..<(after.count - (before.count - kept))])
}
