/// Gives the checkboxes of GFM task lists an accessible name.
///
/// cmark-gfm writes a task item's box as a bare `<input type="checkbox" disabled="" />`
/// (`checked=""` first when done), which screen readers announce as an unlabelled form field
/// and axe-core reports ("Form elements must have labels"). The label says what the box shows;
/// the item's text beside it says what the task is. User text cannot produce these spellings
/// (cmark escapes `<` in text; raw HTML is filtered or kept as written, and a raw box written
/// exactly like cmark's gains the same harmless label).
enum TaskListLabels {
    static let open = #"<input type="checkbox" disabled="" />"#
    static let done = #"<input type="checkbox" checked="" disabled="" />"#

    static func labelling(_ html: String) -> String {
        guard mayHaveInput(html) else { return html }
        return
            html
            .replacing(open, with: #"<input type="checkbox" disabled="" aria-label="Not done" />"#)
            .replacing(done, with: #"<input type="checkbox" checked="" disabled="" aria-label="Done" />"#)
    }

    /// Whether `html` has `<in` anywhere: a byte scan, since nearly all texts have no input.
    private static func mayHaveInput(_ html: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in html.utf8 {
            if byte == UInt8(ascii: "n"), previous == UInt8(ascii: "i"), beforePrevious == UInt8(ascii: "<") {
                return true
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
