import Foundation
import HeraldCore
import HeraldDerive
import HeraldMarkdown
import HeraldTemplates

/// The schema.org JSON-LD of an incident, maintenance or post page: a `FAQPage` for its Q&A
/// and, for maintenance, an `Event` for its window. Search engines and other machines read the
/// Q&A and the window from it instead of scraping the HTML.
enum StructuredData {
    /// What schema.org says of a maintenance window's `eventStatus`.
    enum EventStatus: Equatable {
        case scheduled
        case cancelled
        /// The window moved; `previousStart` is where it was first scheduled.
        case rescheduled(previousStart: Date)

        var schemaValue: String {
            switch self {
            case .scheduled: "https://schema.org/EventScheduled"
            case .cancelled: "https://schema.org/EventCancelled"
            case .rescheduled: "https://schema.org/EventRescheduled"
            }
        }

        var previousStartDate: Date? {
            if case .rescheduled(let start) = self { start } else { nil }
        }

        /// A window's status: cancelled, else rescheduled from the start it had before its
        /// latest move (as the page says "rescheduled from"), else scheduled.
        static func of(_ maintenance: Maintenance) -> EventStatus {
            if maintenance.cancelled { return .cancelled }
            return maintenance.reschedules.last.map { .rescheduled(previousStart: $0.previousStart) }
                ?? .scheduled
        }
    }

    /// The script text for the page of an incident or post (nil without Q&A).
    static func questions(_ questions: [RenderedQuestion], pageURL: String, title: String) -> String? {
        script(faq(questions, pageURL: pageURL, title: title).map { [$0] } ?? [])
    }

    /// The script text for a maintenance page: its `Event`, and its `FAQPage` when it has Q&A.
    static func maintenance(
        _ maintenance: Maintenance, description: String?, questions: [RenderedQuestion], pageURL: String
    ) -> String? {
        let status = EventStatus.of(maintenance)
        let event = Node.object([
            ("@type", .string("Event")),
            ("name", .string(maintenance.title)),
            ("url", .string(pageURL)),
            ("startDate", .string(Timestamp.format(maintenance.start))),
            ("endDate", .string(Timestamp.format(maintenance.end))),
            ("eventStatus", .string(status.schemaValue)),
            ("previousStartDate", status.previousStartDate.map { .string(Timestamp.format($0)) }),
            ("eventAttendanceMode", .string("https://schema.org/OnlineEventAttendanceMode")),
            ("location", .object([("@type", .string("VirtualLocation")), ("url", .string(pageURL))])),
            ("description", description.flatMap { $0.isEmpty ? nil : .string($0) }),
        ])
        return script(
            [event] + [faq(questions, pageURL: pageURL, title: maintenance.title)].compactMap { $0 })
    }

    private static func faq(_ questions: [RenderedQuestion], pageURL: String, title: String) -> Node? {
        guard !questions.isEmpty else { return nil }
        return .object([
            ("@type", .string("FAQPage")),
            ("name", .string(title)),
            ("url", .string(pageURL)),
            (
                "mainEntity",
                .array(
                    questions.map { question in
                        .object([
                            ("@type", .string("Question")),
                            ("name", .string(question.questionText)),
                            ("url", .string(pageURL + "#" + question.anchor)),
                            (
                                "acceptedAnswer",
                                .object([
                                    ("@type", .string("Answer")), ("text", .string(question.answerHTML)),
                                ])
                            ),
                        ])
                    })
            ),
        ])
    }

    /// One node with `@context`, or several in an `@graph`; nil for none. Escaped for `<script>`.
    private static func script(_ nodes: [Node]) -> String? {
        guard let first = nodes.first else { return nil }
        let context = ("@context", Node?.some(.string("https://schema.org")))
        let document: Node =
            nodes.count == 1 && { if case .object = first { true } else { false } }()
            ? first.prepending(context) : .object([context, ("@graph", .array(nodes))])
        return document.json
    }

    /// A JSON value whose object keys keep the order they are written in (`@type` first), its
    /// strings escaped for a `<script>` element; a nil field is left out.
    indirect enum Node {
        case string(String)
        case array([Node])
        case object([(String, Node?)])

        func prepending(_ field: (String, Node?)) -> Node {
            if case .object(let fields) = self { .object([field] + fields) } else { self }
        }

        var json: String {
            switch self {
            case .string(let text): ScriptJSON.string(text)
            case .array(let items): "[" + items.map(\.json).joined(separator: ",") + "]"
            case .object(let fields):
                "{"
                    + fields.compactMap { key, value in value.map { ScriptJSON.string(key) + ":" + $0.json } }
                    .joined(separator: ",") + "}"
            }
        }
    }
}
