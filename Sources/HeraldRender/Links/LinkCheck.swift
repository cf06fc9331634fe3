import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// `herald check` and `build`: links in content that point under `base_url`, or at a relative
/// path, to a page, feed or anchor that a build as of `now` does not publish. Only content
/// published as of `now` is read, as that is what readers can follow.
package enum LinkCheck {
    /// `links`: what the parses recorded (`TextLinks`); a text they hold no links for is parsed here.
    package static func warnings(_ site: Site, now: Date, links: TextLinks) -> [Diagnostic] {
        check(site, now: now, links: links, keeping: false).warnings
    }

    /// What a check found on each page, with what it checked against, so that the next check
    /// of the same process (`serve`) takes the warnings of a page whose texts are the same,
    /// while the site publishes the same targets: checking every link was 0.1–0.17 s of a
    /// `serve` rebuild at 10,000 incidents. A later `now` (each rebuild of a `serve` without
    /// `--now`) changes only the warnings that name it, so only pages with one are checked again.
    package struct Checked: Sendable {
        fileprivate var targets: PublishedTargets
        fileprivate var baseURL: BaseURL
        fileprivate var now: Date
        /// Page path → its texts and their warnings.
        fileprivate var pages: [String: Page]

        fileprivate struct Page: Sendable {
            var texts: [MarkdownText]
            var warnings: [Diagnostic]
            /// A warning names `now` (a link to content dated later).
            var namesNow: Bool
        }
    }

    /// `warnings`, taking a page's warnings from `previous` where they stand (see `Checked`);
    /// `checked` (for the next check) only when `keeping`. `published`: `site` as of `now`, when the
    /// caller has it (`SiteSnapshot.asOf`).
    package static func check(
        _ site: Site, published: Site? = nil, now: Date, links: TextLinks, previous: Checked? = nil,
        keeping: Bool = true
    ) -> (warnings: [Diagnostic], checked: Checked?) {
        let published = published ?? SiteSnapshot.asOf(site, now: now)
        let targets = PublishedTargets(site: site, published: published)
        let baseURL = site.config.baseURL
        let reusable =
            previous.flatMap { $0.baseURL == baseURL && $0.targets == targets ? $0.pages : nil } ?? [:]
        let sameNow = previous?.now == now
        let checker = Checker(
            baseURL: baseURL, targets: targets, now: now, recorded: links,
            markdown: MarkdownRenderer(options: MarkdownOptions(unsafeHTML: site.config.unsafeHTML)))
        // Each page's texts, in the order their warnings are listed; checked on every core.
        var pages: [(page: String, texts: [MarkdownText])] = []
        for incident in published.incidents {
            pages.append((SitePaths.incident(incident.slug), incident.pageTexts))
        }
        for maintenance in published.maintenances {
            pages.append((SitePaths.maintenance(maintenance.slug), maintenance.pageTexts))
        }
        for post in published.posts {
            pages.append((SitePaths.post(post.slug), post.pageTexts))
        }
        let found = ParallelMap.map(pages) { page -> Checked.Page in
            if let seen = reusable[page.page], seen.texts == page.texts, sameNow || !seen.namesNow {
                return seen
            }
            var checked = Checked.Page(texts: page.texts, warnings: [], namesNow: false)
            for text in page.texts {
                for problem in checker.check(text, on: page.page) {
                    checked.warnings.append(problem.warning)
                    checked.namesNow = checked.namesNow || problem.namesNow
                }
            }
            return checked
        }
        let warnings = found.flatMap(\.warnings)
        guard keeping else { return (warnings, nil) }
        var checked = Checked(targets: targets, baseURL: baseURL, now: now, pages: [:])
        checked.pages.reserveCapacity(pages.count)
        for (page, result) in zip(pages, found) { checked.pages[page.page] = result }
        return (warnings, checked)
    }

    /// A broken link's warning, and whether its message names `now`.
    private struct Problem {
        var warning: Diagnostic
        var namesNow: Bool
    }

    private struct Checker: Sendable {
        var baseURL: BaseURL
        var targets: PublishedTargets
        var now: Date
        var recorded: TextLinks
        var markdown: MarkdownRenderer

        /// The broken links of `text`, shown on the page at `page`.
        func check(_ text: MarkdownText, on page: String) -> [Problem] {
            links(of: text).compactMap { link in
                guard let (message, namesNow) = problem(with: link.destination, on: page) else { return nil }
                var location = text.location
                location.line += link.line - 1
                location.column += link.column - 1
                return Problem(
                    warning: .warning(at: location, "link to `\(link.destination)`: \(message)"),
                    namesNow: namesNow)
            }
        }

        /// The links its parse recorded, else those found by parsing it now.
        private func links(of text: MarkdownText) -> [MarkdownLink] {
            if let links = recorded.links(in: text) { return links }
            // Most texts hold no link to the site: skip parsing those. (Bytes are enough for the
            // ASCII markers; a host that is not ASCII is matched as Unicode text.)
            let source = text.source
            let host = baseURL.host
            guard
                ByteSearch.contains("](", in: source) || ByteSearch.contains("]:", in: source)
                    || (host.utf8.allSatisfy { $0 < 0x80 }
                        ? ByteSearch.contains(host, in: source) : source.contains(host))
            else {
                return []
            }
            return markdown.links(source)
        }

        /// What is wrong with a link from `page`, and whether saying so names `now`; nil when it
        /// is fine or leads off the site.
        func problem(with destination: String, on page: String) -> (message: String, namesNow: Bool)? {
            guard let target = LinkTarget(destination, from: page, baseURL: baseURL) else { return nil }
            var path = target.path
            if !targets.paths.contains(path),
                targets.paths.contains(path + "/") || targets.later[path + "/"] != nil
            {
                path += "/"
            }
            if targets.paths.contains(path) {
                guard let fragment = target.fragment, let anchors = targets.anchors[path],
                    !anchors.contains(fragment)
                else { return nil }
                let near = Suggestion.closest(to: fragment, in: anchors.sorted()).map {
                    "; did you mean `#\($0)`?"
                }
                return ("`\(path)` has no anchor `#\(fragment)`" + (near ?? ""), false)
            }
            if let later = targets.later[path] {
                return (
                    "the \(later.kind) at `\(path)` is dated \(Timestamp.format(later.date)), after now "
                        + "(\(Timestamp.format(now))), so it is not published yet and the link is broken until "
                        + "then; link to it once it is out, or date it earlier", true
                )
            }
            guard target.isCheckable else { return nil }
            return (
                "the build publishes no page or feed at `\(path)`"
                    + (targets.suggestion(for: path).map { "; did you mean `\($0)`?" } ?? ""), false
            )
        }
    }
}

/// Where a link leads on the site: a path relative to the site root and a fragment.
struct LinkTarget {
    var path: String
    var fragment: String?

    /// Pages (directory-style paths, `.html`) and feeds are checked; other files (the API,
    /// calendars, assets) are the theme's or another output's business.
    var isCheckable: Bool {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        return path.isEmpty || path.hasSuffix("/") || !name.contains(".") || name.hasSuffix(".html")
            || name.hasSuffix(".atom") || name == "feed.json"
    }

    /// Nil for a link that leads off the site (another host, another scheme, above the base path).
    init?(_ destination: String, from page: String, baseURL: BaseURL) {
        // Foundation's trimming bridges every string to `NSString` (a third of the link check's
        // time at 10,000 incidents); destinations almost never have spaces around them.
        let link =
            destination.first?.isWhitespace == true || destination.last?.isWhitespace == true
            ? destination.trimmingCharacters(in: .whitespaces) : destination
        var relative: String
        if let colon = link.firstIndex(of: ":"),
            link[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        {
            guard link.lowercased().hasPrefix(baseURL.absolute.lowercased()) else { return nil }
            relative = String(link.dropFirst(baseURL.absolute.count))
        } else if link.hasPrefix("//") {
            let absolute = baseURL.absolute.drop { $0 != ":" }.dropFirst()
            guard link.lowercased().hasPrefix(absolute.lowercased()) else { return nil }
            relative = String(link.dropFirst(absolute.count))
        } else if link.hasPrefix("/") {
            guard link.hasPrefix(baseURL.path) else { return nil }
            relative = String(link.dropFirst(baseURL.path.count))
        } else {
            relative = (link.hasPrefix("#") || link.hasPrefix("?") ? page : Self.folder(of: page)) + link
        }
        if let hash = relative.firstIndex(of: "#") {
            let fragment = String(relative[relative.index(after: hash)...])
            self.fragment = fragment.isEmpty ? nil : Self.percentDecoded(fragment)
            relative = String(relative[..<hash])
        } else {
            fragment = nil
        }
        if let query = relative.firstIndex(of: "?") { relative = String(relative[..<query]) }
        guard let normal = Self.normalized(Self.percentDecoded(relative)) else { return nil }
        path = normal
    }

    /// `text` with its percent escapes decoded, or as it is when they do not decode. Foundation's
    /// decoding bridges to `NSString` even when there is nothing to decode, which most links have not.
    private static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return text.removingPercentEncoding ?? text
    }

    private static func folder(of page: String) -> String {
        page.hasSuffix("/") || page.isEmpty
            ? page : String(page[...(page.lastIndex(of: "/") ?? page.startIndex)])
    }

    /// `a/./b/../c/index.html` → `a/c/`; nil when `..` climbs above the site root.
    private static func normalized(_ path: String) -> String? {
        var segments: [Substring] = []
        for segment in path.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard segments.popLast() != nil else { return nil }
            default: segments.append(segment)
            }
        }
        let last = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        var isFolder = path.isEmpty || path.hasSuffix("/") || last == "." || last == ".."
        if segments.last == "index.html" {
            segments.removeLast()
            isFolder = true
        }
        return segments.joined(separator: "/") + (isFolder && !segments.isEmpty ? "/" : "")
    }
}
