import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldValidate
import Yams

/// Re-reads an edited file and compares it with the original: the body and every front matter
/// key must be unchanged except the ones the edit meant to change, and those must say what was
/// meant. A safety net under the line edits of `TimelineAppender`.
struct AppendCheck {
    var entry: TimelineEntry
    var resolved: Date?
    var windowEnd: Date?
    /// `--reschedule`: the item `rescheduled:` gains; the window's new times come from `newWindow`.
    var reschedule: MaintenanceReschedule? = nil
    var newWindow: MaintenanceOccurrence? = nil
    var cancel = false
    /// `resolved:` was meant to be removed (a reopening).
    var removesResolved = false

    func verify(original: String, edited: String) throws(TimelineAppender.Failure) {
        let (oldFields, oldBody) = try Self.read(original)
        let (newFields, newBody) = try Self.read(edited)
        guard oldBody == newBody else { throw .unexpectedResult("the body changed") }
        let changing: Set<String> = Set(["updates", "resolved", "window"]).union(Self.maintenanceKeys)
        for (name, value) in oldFields where !changing.contains(name) && newFields[name] != value {
            throw .unexpectedResult("`\(name)` changed")
        }
        let added = Set(newFields.keys).subtracting(oldFields.keys).subtracting(changing)
        if let name = added.first { throw .unexpectedResult("`\(name)` appeared") }
        try checkUpdates(old: oldFields["updates"], new: newFields["updates"])
        if let resolved {
            guard newFields["resolved"]?.string == Timestamp.format(resolved) else {
                throw .unexpectedResult("`resolved` was not set")
            }
        } else if removesResolved {
            guard newFields["resolved"] == nil else { throw .unexpectedResult("`resolved` was not removed") }
        } else if newFields["resolved"] != oldFields["resolved"] {
            throw .unexpectedResult("`resolved` changed")
        }
        try checkWindow(old: oldFields["window"], new: newFields["window"])
        try checkMaintenanceChange(old: oldFields, new: newFields)
    }

    private func checkUpdates(old: Node?, new: Node?) throws(TimelineAppender.Failure) {
        let before = old.flatMap { $0.sequence.map(Array.init) } ?? []
        guard let after = new?.sequence.map(Array.init), after.count == before.count + 1,
            Array(after.dropLast()) == before, let item = after.last?.mapping
        else { throw .unexpectedResult("the earlier updates changed") }
        let message =
            YAMLScalar.block(entry.message, indent: 0, indentationIndicator: 2).lines
            .joined(separator: "\n") + "\n"
        let keys = 3 + (entry.reopens ? 1 : 0) + (entry.affected == nil ? 0 : 1)
        guard item.count == keys, item["at"]?.string == Timestamp.format(entry.at),
            item["status"]?.string == entry.status, item["message"]?.string == message,
            !entry.reopens || item["reopened"]?.bool == true,
            Self.affectedEntries(item["affected"]) == entry.affectedEntries.map({ $0.map(Self.spelled) })
        else { throw .unexpectedResult("the new update does not read back as written") }
    }

    private static func spelled(_ entry: (cluster: String, services: [String], status: String)) -> [String] {
        [entry.cluster, entry.status] + entry.services
    }

    /// An `affected` list as it reads back: each entry as cluster, status, then services.
    private static func affectedEntries(_ node: Node?) -> [[String]]? {
        guard let node else { return nil }
        guard let items = node.sequence else { return [] }
        return items.map { item in
            let mapping = item.mapping
            return [mapping?["cluster"]?.string ?? "", mapping?["status"]?.string ?? ""]
                + (mapping?["services"]?.sequence?.compactMap(\.string) ?? [])
        }
    }

    private func checkWindow(old: Node?, new: Node?) throws(TimelineAppender.Failure) {
        if let newWindow {
            guard let before = old?.mapping, let after = new?.mapping, after.count == before.count,
                after["start"]?.string == Timestamp.format(newWindow.start),
                after["end"]?.string == Timestamp.format(newWindow.end)
            else { throw .unexpectedResult("`window` did not read back as meant") }
            return
        }
        guard let windowEnd else {
            if old != new { throw .unexpectedResult("`window` changed") }
            return
        }
        guard let before = old?.mapping, let after = new?.mapping, after["start"] == before["start"],
            after["end"]?.string == Timestamp.format(windowEnd), after.count == before.count
        else { throw .unexpectedResult("`window` did not read back as meant") }
    }

    /// The top-level fields and the body of a file's text.
    static func read(_ text: String) throws(TimelineAppender.Failure) -> ([String: Node], String) {
        guard let normalised = SourceText.decode(Data(text.utf8)),
            case .success(let frontMatter) = FrontMatter.split(normalised)
        else { throw .layout(.noFrontMatter) }
        let root: Node?
        do {
            // With its final line break, so a block scalar at the end reads the same before and after
            // lines are added below it.
            root = try Yams.compose(yaml: frontMatter.yaml + "\n")
        } catch {
            throw .layout(.invalidYAML)
        }
        var fields: [String: Node] = [:]
        for (key, value) in root?.mapping ?? [:] {
            if let name = key.string { fields[name] = value }
        }
        return (fields, frontMatter.body)
    }
}
