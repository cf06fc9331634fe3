import Foundation
import Testing

@testable import HeraldCore
@testable import HeraldLoad
@testable import HeraldTestSupport
@testable import HeraldValidate

@Suite struct ValidatorSiteConfigTests {
    private let path = "Content/site.yml"

    private func validate(_ siteYAML: String, options: ValidationOptions = ValidationOptions()) throws
        -> ValidationResult
    {
        try Fixture.validate(["Content/site.yml": siteYAML], options: options)
    }

    private let minimal = """
        title: T
        base_url: https://status.example.com/status
        clusters:
          - id: a
            name: A
        services:
          - id: inbound
            name: Inbound mail
          - id: outbound
            name: Outbound mail
        """

    @Test func defaultsApply() throws {
        let result = try validate(minimal)
        let config = try #require(result.site?.config)
        #expect(config.baseURL.absolute == "https://status.example.com/status/")
        #expect(config.language == "en")
        #expect(config.timeZone.identifier == TimeZone.gmt.identifier)
        #expect(config.blogTitle == "Blog")
        #expect(config.feedEntries == 50)
        #expect(config.historyDays == 90)
        #expect(config.unsafeHTML == false)
        #expect(config.clusters[0].serviceIDs == ["inbound", "outbound"])
        #expect(config.description == nil)
    }

    @Test func everyFieldIsRead() throws {
        let result = try validate(
            """
            title: T
            description: Status for resellers
            base_url: http://localhost:8000/
            language: fr-CA
            timezone: America/Toronto
            blog:
              title: Reseller Blog
            feed_entries: 10
            history_days: 30
            markdown:
              unsafe_html: true
            clusters:
              - id: a
                name: A
                description: Sign in at *admin.a*
                services: [outbound]
            services:
              - id: inbound
                name: Inbound mail
                description: Mail in
              - id: outbound
                name: Outbound mail
            """)
        let config = try #require(result.site?.config)
        #expect(config.description == "Status for resellers")
        #expect(config.language == "fr-CA")
        #expect(config.timeZone.identifier == "America/Toronto")
        #expect(config.blogTitle == "Reseller Blog")
        #expect(config.feedEntries == 10)
        #expect(config.historyDays == 30)
        #expect(config.unsafeHTML)
        #expect(config.clusters[0].serviceIDs == ["outbound"])
        #expect(config.clusters[0].description?.source == "Sign in at *admin.a*")
        #expect(config.clusters[0].description?.location == SourceLocation(path: path, line: 15, column: 18))
        #expect(config.services[0].description == "Mail in")
    }

    @Test func everyProblemIsReportedWithItsPosition() throws {
        let result = try validate(
            """
            titel: T
            base_url: status.example.com
            language: english!
            timezone: Mars/Olympus
            feed_entries: 0
            history_days: lots
            markdown: {unsafe_html: maybe}
            clusters:
              - id: A
                name: Cluster A
              - id: b
                services: [inbound, smtp]
              - id: b
                name: Again
            services:
              - id: inbound
                name: Inbound
            """)
        #expect(
            Fixture.errors(result) == [
                "\(path):1:1: error: unknown key `titel` in site.yml; did you mean `title`?",
                "\(path):1:1: error: missing required field `title` in site.yml",
                "\(path):2:11: error: expected an absolute http(s) URL such as https://status.example.com/ for "
                    + "`base_url`, not `status.example.com`",
                "\(path):3:11: error: `language` expects a BCP 47 language tag such as en or fr-CA, not `english!`",
                "\(path):4:11: error: unknown time zone `Mars/Olympus`; use an IANA name such as America/Toronto or UTC",
                "\(path):5:15: error: `feed_entries` must be between 1 and 1000, not 0",
                "\(path):6:15: error: expected a whole number for `history_days`, not `lots`",
                "\(path):7:25: error: expected true or false for `unsafe_html`, not `maybe`",
                "\(path):9:9: error: `id` may only hold lowercase letters, digits and dashes, not `A`",
                "\(path):11:5: error: missing required field `name` in a cluster",
                "\(path):12:25: error: unknown service `smtp`; `services` in site.yml declares `inbound`",
                "\(path):13:9: error: duplicate id `b`; already used at line 11",
            ])
    }

    @Test func clustersAndServicesAreRequiredAndNonEmpty() throws {
        let missing = try validate("title: T\nbase_url: https://x.example/")
        #expect(
            Fixture.errors(missing) == [
                "\(path):1:1: error: missing required field `services` in site.yml",
                "\(path):1:1: error: missing required field `clusters` in site.yml",
            ])
        let empty = try validate("title: T\nbase_url: https://x.example/\nclusters: []\nservices: []")
        #expect(
            Fixture.errors(empty) == [
                "\(path):3:11: error: `clusters` needs at least one cluster",
                "\(path):4:11: error: `services` needs at least one service",
            ])
    }

    @Test func baseURLOverrideReplacesTheFileValue() throws {
        let result = try validate(
            minimal, options: ValidationOptions(baseURLOverride: "https://preview.example.org/pr-1"))
        #expect(result.site?.config.baseURL.absolute == "https://preview.example.org/pr-1/")
        let withoutFileValue = try validate(
            minimal.replacingOccurrences(of: "base_url: https://status.example.com/status\n", with: ""),
            options: ValidationOptions(baseURLOverride: "https://preview.example.org/"))
        #expect(withoutFileValue.site?.config.baseURL.absolute == "https://preview.example.org/")
    }

    @Test func staleAfterIsADuration() throws {
        let set = try validate(minimal + "\nstale_after: 1h30m\n")
        #expect(set.site?.config.staleAfter == 5400)
        #expect(try validate(minimal).site?.config.staleAfter == nil)
        let wrong = try validate(minimal + "\nstale_after: soon\n")
        #expect(
            Fixture.errors(wrong) == [
                "\(path):11:14: error: expected a duration such as 4h, 90m, 1h30m or 2d for `stale_after`, not `soon`"
            ])
    }

    @Test func uptimeWeightsMaintenanceAndWhiteLabel() throws {
        #expect(try validate(minimal).site?.config.uptime == .standard)
        #expect(try validate(minimal).site?.config.embedWhiteLabel == false)
        let set = try validate(
            minimal
                + "\nuptime:\n  partial_outage: 0.5\n  degraded_performance: 0.1\n  exclude_maintenance: false\n"
                + "embed:\n  white_label: true\n")
        let config = try #require(set.site?.config)
        #expect(
            config.uptime
                == UptimePolicy(
                    majorOutage: 1, partialOutage: 0.5, degradedPerformance: 0.1, excludesMaintenance: false))
        #expect(config.embedWhiteLabel)

        let wrong = try validate(
            minimal + "\nuptime:\n  major_outage: 2\n  partial: 0.3\n  degraded_performance: x\n")
        #expect(
            Fixture.errors(wrong) == [
                "\(path):12:17: error: `major_outage` must be between 0 and 1, not 2",
                "\(path):13:3: error: unknown key `partial` in `uptime`; did you mean `partial_outage`?",
                "\(path):14:25: error: expected a number from 0 to 1 such as 0.3 for `degraded_performance`, not `x`",
            ])
    }

    @Test func sinceIsADateInTheSiteTimeZoneOnClustersAndServices() throws {
        let yaml = """
            title: T
            base_url: https://status.example.com/
            timezone: America/Toronto
            clusters:
              - id: a
                name: A
                since: 2025-06-01
            services:
              - id: inbound
                name: Inbound mail
                since: 2025-07-01T12:00:00Z
              - id: outbound
                name: Outbound mail
            """
        let config = try #require(try validate(yaml).site?.config)
        #expect(config.clusters[0].since == Timestamp.parse("2025-06-01T04:00:00Z"))
        #expect(
            config.since(of: ComponentID(cluster: "a", service: "inbound"))
                == Timestamp.parse("2025-07-01T12:00:00Z"))
        #expect(
            config.since(of: ComponentID(cluster: "a", service: "outbound"))
                == Timestamp.parse("2025-06-01T04:00:00Z"))
        let wrong = try validate(yaml.replacingOccurrences(of: "since: 2025-06-01", with: "since: June"))
        #expect(Fixture.errors(wrong).first?.contains("expected a date such as 2025-10-06") == true)
    }

    @Test func invalidBaseURLOverrideIsAnErrorAtOneOne() throws {
        let result = try validate(minimal, options: ValidationOptions(baseURLOverride: "preview"))
        #expect(
            Fixture.errors(result) == [
                "\(path):1:1: error: --base-url `preview` is not an absolute http(s) URL such as "
                    + "https://status.example.com/"
            ])
        #expect(result.site == nil)
    }

    @Test func siteYAMLMustBeAMapping() throws {
        let result = try validate("- just\n- a list")
        #expect(
            Fixture.errors(result).first?.hasPrefix(
                "\(path):1:1: error: expected site.yml as `key: value` lines") == true)
    }

    @Test func missingSiteYAMLFailsValidation() throws {
        var files = Fixture.files
        files["Content/site.yml"] = nil
        let result = try Fixture.validate(files)
        #expect(result.site == nil)
        #expect(Fixture.errors(result).count == 1)
        let bare = SiteValidator.validate(LoadedContent(files: []), options: ValidationOptions())
        #expect(bare.site == nil)
        #expect(Fixture.errors(bare) == ["Content/site.yml:1:1: error: missing site.yml"])
    }

    @Test func unusedClusterIsAWarningThatDoesNotBlock() throws {
        let result = try validate(minimal)
        #expect(result.site != nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "\(path):4:9: warning: cluster `a` is not named by any incident, maintenance or post"
            ])
        let withCluster = try Fixture.validate(
            replacing: [
                "Content/site.yml": Fixture.siteYAML.replacingOccurrences(
                    of: "services:\n  - id: inbound",
                    with: "  - id: c\n    name: C\nservices:\n  - id: inbound")
            ])
        #expect(withCluster.site != nil)
        #expect(
            withCluster.diagnostics.map(\.description) == [
                "\(path):11:9: warning: cluster `c` is not named by any incident, maintenance or post"
            ])
    }

    @Test func componentNamesFollowThePattern() throws {
        let standard = try #require(try validate(minimal).site?.config)
        #expect(standard.apiName(of: ComponentID(cluster: "a", service: "inbound")) == "A · Inbound mail")
        let custom = try #require(
            try validate(minimal + "\napi:\n  component_name: \"{service} ({cluster})\"").site?.config)
        #expect(custom.apiName(of: ComponentID(cluster: "a", service: "outbound")) == "Outbound mail (A)")
    }

    @Test func componentNamesMustIdentifyAComponent() throws {
        let twoClusters = minimal.replacingOccurrences(
            of: "    name: A\n", with: "    name: A\n  - id: b\n    name: B\n")
        let unqualified = try validate(twoClusters + "\napi:\n  component_name: \"{service}\"")
        #expect(
            Fixture.errors(unqualified) == [
                "\(path):14:19: error: component `b/inbound` and component `a/inbound` would both be named "
                    + "`Inbound mail` in the Statuspage API, whose clients tell components apart by name; give "
                    + "them different names, or set `api.component_name` to a pattern with `{cluster}` and "
                    + "`{service}`"
            ])
        let typo = try validate(minimal + "\napi:\n  component_name: \"{clustr} {service}\"")
        #expect(
            Fixture.errors(typo) == [
                "\(path):12:19: error: unknown placeholder `{clustr}` in `component_name`; it may use "
                    + "`{cluster}` and `{service}`. Did you mean `{cluster}`?"
            ])
    }

    @Test func unsubscribeAddressesAreURLsOrMailtos() throws {
        let good = try #require(
            try validate(
                minimal + """

                    mail:
                      unsubscribe:
                        emergency: https://example.com/u?list={cluster}-{audience}
                        maintenance: mailto:lists@example.com
                    """
            ).site?.config)
        #expect(
            good.mailLists.unsubscribe(audience: "emergency", cluster: "a")
                == "https://example.com/u?list=a-emergency")
        #expect(
            good.mailLists.unsubscribe(audience: "maintenance", cluster: "a") == "mailto:lists@example.com")
        let bad = try validate(
            minimal + """

                mail:
                  unsubscribe:
                    emergency: "https://example.com/u?x=<y> z"
                    maintenence: ftp://example.com/
                """)
        #expect(
            Fixture.errors(bad) == [
                "\(path):13:16: error: `mail.unsubscribe.emergency` expects an https URL or a mailto: address "
                    + "without spaces, such as https://example.com/unsubscribe?list={cluster}-{audience}, not "
                    + "`https://example.com/u?x=<y> z`",
                "\(path):14:5: error: unknown key `maintenence` in `mail.unsubscribe`; did you mean `maintenance`?",
            ])
    }

    @Test func websubHubsAreAbsoluteURLs() throws {
        let good = try #require(
            try validate(minimal + "\nwebsub:\n  hubs: [https://hub.example.com/, http://localhost:8080/hub]")
                .site?
                .config)
        #expect(good.websubHubs == ["https://hub.example.com/", "http://localhost:8080/hub"])
        #expect(try validate(minimal).site?.config.websubHubs == [])
        let bad = try validate(minimal + "\nwebsub:\n  hubs: [hub.example.com]")
        #expect(
            Fixture.errors(bad) == [
                "\(path):12:10: error: a WebSub hub must be an absolute http(s) URL such as "
                    + "https://pubsubhubbub.appspot.com/, not `hub.example.com`"
            ])
    }
}
