import Foundation
import HeraldBuild
import HeraldCore
import HeraldLoad
import HeraldRender
import HeraldValidate

/// The files `herald init` writes: a commented `site.yml`, one incident, one maintenance and one
/// post dated around `now` (so the new site shows something in every section), and the default
/// templates. Paths are relative to the new site's root.
struct SiteScaffold {
    let now: Date

    var files: [(path: String, contents: Data)] {
        let incidentStart = hour(-50)
        let maintenanceStart = hour(24 * 7)
        let postDate = hour(-26)
        let texts: [(String, String)] =
            [
                ("Content/site.yml", Self.siteYAML),
                (
                    "Content/incidents/\(day(incidentStart))-cluster-a-webmail-errors.md",
                    incident(start: incidentStart)
                ),
                (
                    "Content/maintenance/\(day(maintenanceStart))-cluster-b-storage-upgrade.md",
                    maintenance(start: maintenanceStart)
                ),
                ("Content/blog/\(day(postDate))-welcome.md", post(date: postDate)),
            ] + SiteScaffold.templates + [
                (".gitignore", "/Output/\n/.Output.herald-*\n/.herald/\n")
            ]
        return texts.map { ($0.0, Data($0.1.utf8)) }
            + DefaultTemplates.all.map { ("Templates/\($0.path)", $0.data) }
    }

    /// The whole hour `hours` from now (UTC).
    private func hour(_ hours: Int) -> Date {
        Date(
            timeIntervalSince1970: (now.timeIntervalSince1970 / 3600).rounded(.down) * 3600 + Double(hours)
                * 3600)
    }

    private func day(_ date: Date) -> String { String(Timestamp.format(date).prefix(10)) }

    private func time(_ date: Date, plus minutes: Int = 0) -> String {
        Timestamp.format(date.addingTimeInterval(Double(minutes) * 60))
    }

    private func incident(start: Date) -> String {
        """
        ---
        # An incident: something that went wrong without being planned. Start a new one with
        # `herald new incident "Title"` and post updates with `herald update SLUG --status … --message …`.
        title: Cluster A webmail errors
        started: \(time(start))
        resolved: \(time(start, plus: 75))
        affected:
          - cluster: a
            services: [webmail]
            status: partial-outage   # degraded-performance|partial-outage|major-outage
        updates:
          - at: \(time(start, plus: 10))
            status: investigating
            message: |
              Some resellers see errors when they sign in to webmail. We are looking into it.
          - at: \(time(start, plus: 40))
            status: identified
            message: |
              A configuration change to the webmail servers caused the errors. We are rolling it back.
          - at: \(time(start, plus: 75))
            status: resolved
            message: |
              Webmail works normally again. No mail was lost.
        questions:
          - q: Was any mail lost?
            a: No. Only signing in to webmail failed; mail was delivered as usual.
        ---
        A configuration change made webmail sign-ins fail for about an hour. It was rolled back.

        """
    }

    private func maintenance(start: Date) -> String {
        """
        ---
        # A planned maintenance window. Start a new one with `herald new maintenance "Title" --start … --end …`.
        title: Cluster B storage upgrade
        window:
          start: \(time(start))
          end: \(time(start, plus: 120))
        affected:
          - cluster: b
            services: [inbound, webmail]
        updates:
          - at: \(time(now))
            status: scheduled   # scheduled|in-progress|verifying|completed
            message: |
              We will upgrade the storage of Cluster B. Webmail may pause for a few seconds.
        questions: []
        ---
        Nothing to do for resellers: mail sent during the window is queued and delivered.

        """
    }

    private func post(date: Date) -> String {
        """
        ---
        # A blog post for resellers. Start a new one with `herald new post "Title"`.
        title: Welcome to the status site
        date: \(time(date))
        author: Support
        summary: Where to find the status of our services, and how to follow it
        tags: [announcements]
        clusters: [a, b]
        ---
        This site shows the live status of every cluster and service. Follow the Atom feeds to hear
        about incidents and maintenance as soon as we post them.

        """
    }

    private static let siteYAML = """
        # Herald site configuration: the site as a whole, and the clusters and services it reports on.
        # Every key is described in Herald's Docs/content-format.md.

        # Shown in the page header, the browser tab and the feeds. Required.
        title: Example Status

        # One line under the title, and the feeds' subtitle. Optional.
        description: Live status of our services

        # Where the site will be published: an absolute http(s) URL, which may have a path. Required.
        # `herald build --base-url` overrides it for preview deploys.
        base_url: https://status.example.com/

        # Language of the content (BCP 47; default en).
        language: en

        # Times are shown to readers, and uptime days counted, in this IANA zone (default UTC).
        timezone: UTC

        blog:
          title: Blog              # heading of the blog and title of its feed (default "Blog")

        # feed_entries: 50         # entries per Atom feed
        # history_days: 90         # days in the uptime bars
        # stale_after: 4h          # warn about an ongoing incident with no update for this long
        # markdown:
        #   unsafe_html: false     # keep raw HTML in Markdown (links are filtered regardless)
        # uptime:                  # what a minute costs in the uptime report and bars (0 to 1)
        #   major_outage: 1
        #   partial_outage: 0.3
        #   degraded_performance: 0
        #   exclude_maintenance: true   # maintenance counts neither as downtime nor as time
        # embed:
        #   white_label: false     # true: embed/<cluster>/ pages leave out the site's title
        # api:
        #   component_name: "{cluster} · {service}"   # each component's unique name in api/v2/
        # mail:                    # List-Unsubscribe of `herald diff --format email`'s messages
        #   unsubscribe:
        #     emergency: https://example.com/unsubscribe?list={cluster}-{audience}
        #     maintenance: mailto:contacts@example.com
        # websub:
        #   hubs: [https://pubsubhubbub.appspot.com/]   # every feed names them (rel="hub")

        # Groups of servers; each is a row of the status matrix. Required: at least one.
        clusters:
          - id: a                  # [a-z0-9-]+, used in content files and URLs
            name: Cluster A
            description: Sign in at [admin.a.example.com](https://admin.a.example.com/)
          - id: b
            name: Cluster B
            services: [inbound, outbound, webmail]   # default: every service below

        # What customers use; each is a column of the matrix. Required: at least one.
        services:
          - id: inbound
            name: Inbound mail
            description: Mail delivered to your mailboxes
          - id: outbound
            name: Outbound mail
          - id: webmail
            name: Webmail

        """
}
