import Foundation
import Testing

@testable import HeraldTestSupport

/// A copy of the example site driven through the real binary, for the lifecycle suites.
struct LifecycleSite {
    static let incident = "Content/incidents/2025-10-06-cluster-a-email.md"

    let root: String
    let original: String

    init() throws {
        root = try HeraldProcess.copyOfExampleSite()
        original = try String(contentsOfFile: "\(root)/\(Self.incident)", encoding: .utf8)
    }

    @discardableResult
    func herald(_ arguments: [String]) throws -> HeraldProcess.Result {
        try HeraldProcess.run(arguments, in: root)
    }

    func text(_ path: String = LifecycleSite.incident) throws -> String {
        try String(contentsOfFile: "\(root)/\(path)", encoding: .utf8)
    }

    func write(_ text: String, to path: String = LifecycleSite.incident) throws {
        try text.write(toFile: "\(root)/\(path)", atomically: true, encoding: .utf8)
    }

    /// The lines the incident file lost and gained against the original, in order (a line diff by
    /// longest common subsequence, so moved lines show as both).
    func changedLines() throws -> (removed: [String], added: [String]) {
        let old = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = try text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lengths = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i][j] =
                    old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var removed: [String] = []
        var added: [String] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                i += 1
                j += 1
            } else if j < new.count, i == old.count || lengths[i][j + 1] >= lengths[i + 1][j] {
                added.append(new[j])
                j += 1
            } else {
                removed.append(old[i])
                i += 1
            }
        }
        return (removed, added)
    }

    /// A built file's text.
    func output(_ path: String) throws -> String {
        try String(contentsOfFile: "\(root)/Output/\(path)", encoding: .utf8)
    }

    /// `api/changes.json`'s changes, as dictionaries.
    func changes() throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(root)/Output/api/changes.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["changes"] as? [[String: Any]] ?? []
    }
}
