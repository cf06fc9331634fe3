import Foundation
import HeraldCore
import HeraldLoad
import HeraldValidate

/// A small valid site the validation tests change one piece of at a time.
package enum Fixture {
    package static let siteYAML = """
        title: Example Mail Status
        base_url: https://status.example.com/
        timezone: America/Toronto
        clusters:
          - id: a
            name: Cluster A
            services: [inbound, outbound, webmail, imap, pop]
          - id: b
            name: Cluster B
            services: [inbound, outbound]
        services:
          - id: inbound
            name: Inbound mail
          - id: outbound
            name: Outbound mail
          - id: webmail
            name: Webmail
          - id: imap
            name: IMAP
          - id: pop
            name: POP
        """

    package static let incident = """
        ---
        title: Cluster A email service issues
        started: 2025-10-06T17:30:00Z
        resolved: 2025-10-07T03:05:00Z
        affected:
          - cluster: a
            services: [inbound, webmail, imap, pop]
            status: partial-outage
        updates:
          - at: 2025-10-07T03:05:00Z
            status: resolved
            message: Fixed.
          - at: 2025-10-06T17:40:00Z
            status: investigating
            message: |
              Resellers report failed logins.
        questions:
          - q: Does this affect outbound mail?
            a: No.
        related: [2025-08-14-cluster-a]
        ---
        Summary of the incident.
        """

    package static let augustIncident = """
        ---
        title: Cluster A interruption
        started: 2025-08-14T09:00:00+02:00
        resolved: 2025-08-14T10:00:00+02:00
        affected:
          - cluster: a
            status: major-outage
        ---
        """

    package static let maintenance = """
        ---
        title: Cluster B storage upgrade
        window:
          start: 2025-10-20T02:00:00Z
          end: 2025-10-20T04:00:00Z
        affected:
          - cluster: b
        updates:
          - at: 2025-10-10T12:00:00Z
            status: scheduled
        ---
        We upgrade the storage.
        """

    package static let post = """
        ---
        title: "Cluster A email: questions and answers"
        date: 2025-10-06
        author: Reseller Support
        tags: [email, cluster-a]
        clusters: [a]
        incidents: [2025-10-06-cluster-a-email]
        questions:
          - q: Is the August interruption related?
            a: No.
        ---
        Body.
        """

    package static var files: [String: String] {
        [
            "Content/site.yml": siteYAML,
            "Content/incidents/2025-10-06-cluster-a-email.md": incident,
            "Content/incidents/2025-08-14-cluster-a.md": augustIncident,
            "Content/maintenance/2025-10-20-cluster-b-storage.md": maintenance,
            "Content/blog/2025-10-06-cluster-a-qa.md": post,
        ]
    }

    /// Loads `files` (paths relative to the site root) from memory and validates them.
    package static func validate(
        _ files: [String: String], options: ValidationOptions = ValidationOptions()
    ) throws -> ValidationResult {
        let fileSystem = InMemoryFileSystem(
            files: Dictionary(uniqueKeysWithValues: files.map { ("site/" + $0, $1) }))
        let content = try ContentLoader(fileSystem: fileSystem).load(
            contentDirectory: "site/Content", displayRoot: "site")
        return SiteValidator.validate(content, options: options)
    }

    /// The fixture with some files replaced (nil removes one).
    package static func validate(
        replacing changes: [String: String?], options: ValidationOptions = ValidationOptions()
    ) throws -> ValidationResult {
        var all = files
        for (path, text) in changes { all[path] = text }
        return try validate(all, options: options)
    }

    package static func errors(_ result: ValidationResult) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    package static func date(_ text: String) -> Date {
        Timestamp.parse(text) ?? .distantPast
    }
}
