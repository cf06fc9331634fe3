import HeraldCore
import HeraldDerive

/// The changes of one cluster for one audience: one section of the Markdown form, one email.
struct ChangeGroup {
    let cluster: String
    let clusterName: String
    let audience: Audience
    var changes: [Change]

    /// Groups in the order they first appear (changes are sorted by cluster, then audience).
    static func groups(_ changes: [Change]) -> [ChangeGroup] {
        var groups: [ChangeGroup] = []
        var positions: [String: Int] = [:]
        for change in changes {
            let key = "\(change.cluster)\u{0}\(change.audience.rawValue)"
            if let position = positions[key] {
                groups[position].changes.append(change)
            } else {
                positions[key] = groups.count
                groups.append(
                    ChangeGroup(
                        cluster: change.cluster, clusterName: change.clusterName, audience: change.audience,
                        changes: [change]))
            }
        }
        return groups
    }

    /// The incidents and maintenance the group's changes are about or caused by, first mention
    /// first, each once.
    var subjects: [ChangeSubject] {
        var positions: [String: Int] = [:]
        var result: [ChangeSubject] = []
        func add(_ subject: ChangeSubject) {
            guard let position = positions[subject.url] else {
                positions[subject.url] = result.count
                result.append(subject)
                return
            }
            // A cause mentioned first, then its own change: keep what the change knows.
            result[position].status = result[position].status ?? subject.status
            result[position].update = result[position].update ?? subject.update
        }
        for change in changes {
            for cause in change.causes ?? [] {
                add(ChangeSubject(title: cause.title, url: cause.url, status: nil, update: nil))
            }
            if let title = change.title, let url = change.url {
                add(ChangeSubject(title: title, url: url, status: change.status, update: change.update))
            }
        }
        return result
    }
}

/// An incident or maintenance a group of changes mentions, with what is known of its latest update.
struct ChangeSubject {
    let title: String
    let url: String
    var status: String?
    var update: StateUpdate?
}
