import Foundation

/// The script `herald serve` adds to every HTML page it serves (never to built files): it listens
/// to the server's event stream, reloads the page after a rebuild, and shows a build error over the
/// page until the next good build.
enum LiveReload {
    /// Where the event stream is served; a path no Herald site uses.
    static let eventsPath = "/__herald/events"

    static let script = """
        <script>
        (() => {
          const events = new EventSource("\(eventsPath)");
          let overlay = null;
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("build-error", (event) => {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "herald-build-error";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;"
                + "background:rgba(20,0,0,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "herald serve: the build failed; showing the last good site.\\n\\n" + event.data;
          });
        })();
        </script>

        """

    /// `html` with the script before its last `</body>` (or at its end when there is none).
    static func inject(into html: Data) -> Data {
        let marker = Data("</body>".utf8)
        guard let range = html.range(of: marker, options: .backwards) else { return html + Data(script.utf8) }
        var result = html
        result.insert(contentsOf: Data(script.utf8), at: range.lowerBound)
        return result
    }
}
