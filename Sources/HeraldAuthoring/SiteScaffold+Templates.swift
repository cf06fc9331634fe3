import HeraldCore

extension SiteScaffold {
    /// The prepared texts `herald init` writes: an incident and a maintenance template for
    /// `herald new --template`, and the postmortem template `herald postmortem` starts from
    /// (copies of the example site's `Content/templates/`; `SiteInitializerTests` keeps them equal).
    static let templates: [(path: String, text: String)] = [
        (
            "Content/templates/incident/mail-outage.md",
            #"""
            ---
            # A prepared incident: `herald new incident "Title" --template mail-outage --cluster a`.
            # Each name in braces below is filled in; `herald new --list-templates` lists them all.
            title: {title}
            started: {now}
            affected:
              - cluster: {cluster}
                services: {services}
                status: {status}
            updates:
              - at: {now}
                status: investigating
                message: |
                  Some users on {cluster_name} cannot reach their mail ({service_names}). Our network
                  operations centre is investigating; we will post again within the hour.
                  Mail sent to your users is queued, not lost.
            questions:
              - q: Is my users' mail safe?
                a: Yes. Incoming mail is held in a queue on our servers and delivered once service is back.
            ---
            What is happening, in a few sentences for resellers.

            """#
        ),
        (
            "Content/templates/maintenance/planned-upgrade.md",
            #"""
            ---
            # A prepared maintenance window: `herald new maintenance "Title" --template planned-upgrade
            # --cluster b --start … --end …`. Each name in braces below is filled in.
            title: {title}
            window:
              start: {start}
              end: {end}
            affected:
              - cluster: {cluster}
                services: {services}
            updates:
              - at: {now}
                status: scheduled
                message: |
                  We will upgrade {cluster_name} ({service_names}) during this window. Expect short
                  interruptions; mail is queued, never lost.
            questions: []
            ---
            What the work is and why it is worth the interruption.

            """#
        ),
        ("Content/" + PostmortemTemplate.path, PostmortemTemplate.builtIn),
    ]
}
