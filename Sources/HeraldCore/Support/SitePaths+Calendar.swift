extension SitePaths {
    /// One cluster's maintenance calendar, beside its feed.
    package static func clusterCalendar(_ id: String) -> String { "clusters/\(id)/maintenance.ics" }
}
