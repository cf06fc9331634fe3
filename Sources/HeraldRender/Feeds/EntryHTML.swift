import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// The HTML content of feed entries: everything the page says, so a reader that only sees
/// the feed knows it all (status, affected components, body, the whole timeline newest
/// first, and the Q&A).
struct EntryHTML {
    var directory: ComponentDirectory
    var time: DisplayClock

    func incident(_ item: PublishedIncident, rendered: RenderedEntry?) -> String {
        var html = HTMLFragment()
        html.labelled("Status", item.phase.label)
        html.labelled("Impact", item.incident.impact.label)
        html.labelled("Started", time.dateTime(item.incident.started))
        if let resolved = item.resolvedAt { html.labelled("Resolved", time.dateTime(resolved)) }
        affected(
            item.affected.map {
                let status = AffectedText.shownStatus($0, ongoing: item.ongoing)
                let detail = AffectedText.detail($0, ongoing: item.ongoing, now: item.now, clock: time)
                return ($0.component, "\(status.label) (\(detail))")
            }, into: &html)
        html.raw(rendered?.bodyHTML ?? "")
        if let postmortem = item.incident.postmortem {
            html.element("h2", text: "Postmortem")
            html.element("p") {
                $0.element("small", text: "Published " + time.dateTime(postmortem.published))
            }
            html.raw(rendered?.postmortemHTML ?? "")
        }
        timeline(item.updates, rendered: rendered, into: &html)
        questions(rendered, into: &html)
        return html.html
    }

    func maintenance(_ item: PublishedMaintenance, rendered: RenderedEntry?) -> String {
        var html = HTMLFragment()
        if item.maintenance.cancelled {
            html.labelled("Cancelled", "this maintenance was called off and will not take place")
        }
        html.labelled("Status", Self.label(of: item))
        let wording = MaintenanceWording(clock: time)
        html.labelled("Window", wording.window(item.maintenance.start, item.maintenance.end))
        if let previous = wording.previousWindow(item.maintenance) {
            html.labelled("Rescheduled from", previous)
        }
        if let rule = item.maintenance.recurrence { html.labelled("Repeats", wording.recurrence(rule)) }
        affected(item.maintenance.components.map { ($0, nil) }, into: &html)
        html.raw(rendered?.bodyHTML ?? "")
        timeline(item.updates, rendered: rendered, into: &html)
        questions(rendered, into: &html)
        return html.html
    }

    func post(rendered: RenderedEntry?) -> String {
        var html = HTMLFragment()
        html.raw(rendered?.bodyHTML ?? "")
        questions(rendered, into: &html)
        return html.html
    }

    /// Where the maintenance stands: the latest published update's phase while it runs.
    static func label(of item: PublishedMaintenance) -> String {
        switch item.state {
        case .upcoming: MaintenancePhase.scheduled.label
        case .active: (item.updates.last?.status ?? .inProgress).label
        case .completed: MaintenancePhase.completed.label
        case .cancelled: "Cancelled"
        }
    }

    /// Each component with what to say of its status, if anything.
    private func affected(_ components: [(ComponentID, String?)], into html: inout HTMLFragment) {
        guard !components.isEmpty else { return }
        html.element("p") { $0.element("strong", text: "Affected components:") }
        html.element("ul") { list in
            for (component, said) in components {
                let name = directory.name(of: component)
                list.element("li", text: said.map { "\(name): \($0)" } ?? name)
            }
        }
    }

    private func timeline<Phase: TimelinePhase>(
        _ updates: [TimelineUpdate<Phase>], rendered: RenderedEntry?,
        into html: inout HTMLFragment
    ) {
        guard !updates.isEmpty else { return }
        html.element("h2", text: "Updates")
        for update in updates.reversed() {
            html.element("p") {
                $0.element("small", text: time.dateTime(update.at))
                $0.lineBreak()
                $0.element("strong", text: RenderContext.phaseLabel(of: update))
            }
            html.raw(rendered?.updatesHTML[update.id] ?? "")
            if let impacts = update.affected {
                let text =
                    impacts.isEmpty
                    ? RenderContext.allOperational
                    : impacts.map { statement($0.component, $0.status) }.joined(separator: "; ")
                html.element("p") {
                    $0.element("em", text: "From this update:")
                    $0.text(" \(text)")
                }
            }
        }
    }

    private func questions(_ rendered: RenderedEntry?, into html: inout HTMLFragment) {
        guard let questions = rendered?.questions, !questions.isEmpty else { return }
        html.element("h2", text: "Questions and answers")
        for question in questions {
            html.element("h3") { $0.raw(question.questionHTML) }
            html.raw(question.answerHTML)
        }
    }

    /// `Cluster A / Inbound mail: Partial outage`.
    private func statement(_ component: ComponentID, _ status: ComponentStatus?) -> String {
        let name = directory.name(of: component)
        return status.map { "\(name): \($0.label)" } ?? name
    }
}
