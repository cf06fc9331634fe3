import Foundation
import HeraldCore
import HeraldDerive

/// Ready-to-send RFC 5322 messages telling each cluster's contacts what changed, one per
/// (cluster, audience) with changes, for CI to hand to `sendmail`. Herald never sends mail.
package enum ChangeEmails {
    /// The `To` used when none is given: an empty group, so the recipients come from
    /// `sendmail`'s arguments.
    package static let undisclosedRecipients = "undisclosed-recipients:;"

    /// - Parameters:
    ///   - state: the new state (its `now` dates the messages; its `base_url` gives the links).
    ///   - audience, cluster: only messages for these (nil: all).
    ///   - from: the `From` address, e.g. `Example Status <status@example.com>`.
    ///   - to: the `To` address; `{cluster}` and `{audience}` in it are replaced, so one
    ///     template can address every list. Nil: `undisclosed-recipients:;`.
    ///   - lists: `site.yml`'s `mail:`, for the `List-Unsubscribe` headers.
    /// - Returns: for each message, a file name (`<cluster>-<audience>.eml`) and the message,
    ///   with CRLF line ends and a quoted-printable UTF-8 body.
    package static func messages(
        _ changes: StateChanges, state: SiteState, audience: Audience?, cluster: String?, from: String,
        to: String?, lists: MailLists = MailLists()
    ) -> [(fileName: String, message: String)] {
        var usedNames = Set<String>()
        return ChangeGroup.groups(changes.filtered(audience: audience, cluster: cluster).changes).compactMap {
            group in
            guard
                let message = message(group, changes: changes, state: state, from: from, to: to, lists: lists)
            else {
                return nil
            }
            var name = "\(safeName(group.cluster))-\(group.audience.rawValue)"
            if !usedNames.insert(name).inserted {
                name += "-\(usedNames.count)"
                usedNames.insert(name)
            }
            return ("\(name).eml", message)
        }
    }

    private static func message(
        _ group: ChangeGroup, changes: StateChanges, state: SiteState, from: String, to: String?,
        lists: MailLists
    ) -> String? {
        guard
            let headline = group.changes.first(where: { $0.kind != .componentStatus }) ?? group.changes.first
        else { return nil }
        let recipient = (to ?? undisclosedRecipients)
            .replacingOccurrences(of: "{cluster}", with: group.cluster)
            .replacingOccurrences(of: "{audience}", with: group.audience.rawValue)
        let more = group.changes.count - 1
        let subject =
            "[\(group.clusterName)] \(ChangeText.headline(headline))"
            + (more > 0 ? " (+\(more) more change\(more == 1 ? "" : "s"))" : "")
        let domain = mailDomain(state.baseURL)
        let id = MIMEText.stableHash(
            "\(group.cluster)\n\(group.audience.rawValue)\n\(Timestamp.format(changes.now))")
        let envelope: [String?] = [
            MIMEText.addressHeader("From", from),
            MIMEText.addressHeader("To", recipient),
            MIMEText.header("Subject", subject),
            "Date: \(MIMEText.date(UTCTimestamp(state.now)))",
            "Message-ID: <herald.\(id).\(group.audience.rawValue)@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Auto-Submitted: auto-generated",
        ]
        let herald = [
            MIMEText.header("X-Herald-Cluster", group.cluster),
            "X-Herald-Audience: \(group.audience.rawValue)",
        ]
        let headers = envelope.compactMap { $0 } + listHeaders(group, domain: domain, lists: lists) + herald
        let body = MIMEText.quotedPrintable(self.body(group, changes: changes, state: state))
        return headers.joined(separator: MIMEText.crlf) + MIMEText.crlf + MIMEText.crlf + body + MIMEText.crlf
    }

    /// What changed, then each incident or maintenance concerned with its latest update and
    /// page, then the cluster's page and feed.
    static func body(_ group: ChangeGroup, changes: StateChanges, state: SiteState) -> String {
        let contacts = group.audience == .emergency ? "emergency" : "maintenance"
        var lines = [
            "Status changes for \(group.clusterName), sent to \(contacts) contacts.",
            "As of \(ChangeText.time(changes.now))"
                + (changes.previous.map { ", since \(ChangeText.time($0))" } ?? "") + ".",
            "",
        ]
        lines += group.changes.map { "- " + ChangeText.line($0) }
        let updates = latestUpdates(state)
        for subject in group.subjects {
            lines += ["", subject.title + (subject.status.map { " (\(ChangeText.statusLabel($0)))" } ?? "")]
            if let update = subject.update ?? updates[subject.url], !update.message.isEmpty {
                lines += ["Latest update, \(ChangeText.time(update.at)):", ""]
                lines += update.message.split(separator: "\n", omittingEmptySubsequences: false).map {
                    $0.isEmpty ? "" : "    \($0)"
                }
                lines.append("")
            }
            lines.append(subject.url)
        }
        lines += [
            "",
            "-- ",
            "\(group.clusterName) status: \(state.baseURL.url(SitePaths.cluster(group.cluster)))",
            "\(group.clusterName) feed: \(state.baseURL.url(SitePaths.clusterFeed(group.cluster)))",
        ]
        return lines.map(ChangeText.oneLine).joined(separator: "\n")
    }

    /// Page URL → latest update of every incident and maintenance in the state.
    private static func latestUpdates(_ state: SiteState) -> [String: StateUpdate] {
        let pairs =
            state.incidents.map { ($0.url, $0.latestUpdate) }
            + state.resolvedIncidents.map { ($0.url, $0.latestUpdate) }
            + state.maintenance.map { ($0.url, $0.latestUpdate) }
        return Dictionary(
            pairs.compactMap { url, update in update.map { (url, $0) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// `List-Id` (RFC 2919), one list per cluster and audience, and, when `site.yml` gives an
    /// address for the audience, `List-Unsubscribe` (RFC 2369) with, for an HTTPS URL only,
    /// `List-Unsubscribe-Post` (RFC 8058 one-click).
    static func listHeaders(_ group: ChangeGroup, domain: String, lists: MailLists) -> [String] {
        let audience = group.audience.rawValue
        let description = "\(group.clusterName) \(audience) contacts"
        var headers = [
            MIMEText.header(
                "List-Id",
                MIMEText.phrase(description) + " <\(safeName(group.cluster))-\(audience).\(domain)>")
        ]
        if let address = lists.unsubscribe(audience: audience, cluster: group.cluster),
            MailLists.isSafeAddress(address)
        {
            headers.append("List-Unsubscribe: <\(address)>")
            if address.lowercased().hasPrefix("https:") {
                headers.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
            }
        }
        return headers
    }

    /// The base URL's host without its port, if it is a plain domain name; else `herald.invalid`.
    private static func mailDomain(_ baseURL: BaseURL) -> String {
        guard let host = baseURL.host.split(separator: ":").first, !host.isEmpty,
            host.utf8.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 45 || $0 == 46 }
            )
        else { return "herald.invalid" }
        return String(host)
    }

    /// Letters, digits and `-` only, so a cluster id from a state file cannot name a path.
    private static func safeName(_ id: String) -> String {
        let safe = String(id.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        return safe.isEmpty ? "cluster" : safe
    }
}
